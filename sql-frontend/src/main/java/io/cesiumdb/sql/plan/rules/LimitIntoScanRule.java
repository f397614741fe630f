package io.cesiumdb.sql.plan.rules;

import io.cesiumdb.sql.plan.CesiumTableScan;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/**
 * {@code Sort(fetch, CesiumTableScan)} → the scan stops after {@code offset + fetch} rows. Valid
 * when the sort order is none or a prefix of the primary key ascending, because the scan returns
 * rows in key order. The Sort stays on top (it applies the offset and is cheap on a handful of
 * rows). Literal limits only: a {@code LIMIT ?} keeps the full scan.
 */
public final class LimitIntoScanRule extends RelRule<RuleConfig> {
  public static final LimitIntoScanRule INSTANCE =
      new LimitIntoScanRule(
          RuleConfig.of(
              "CesiumLimitIntoScanRule",
              b0 ->
                  b0.operand(Sort.class)
                      .predicate(s -> s.fetch instanceof RexLiteral)
                      .oneInput(
                          b1 ->
                              b1.operand(CesiumTableScan.class)
                                  .predicate(s -> s.limit() == 0)
                                  .noInputs()),
              LimitIntoScanRule::new));

  private LimitIntoScanRule(RuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    Sort sort = call.rel(0);
    CesiumTableScan scan = call.rel(1);
    if (!inKeyOrder(sort.getCollation().getFieldCollations(), scan)) {
      return;
    }
    if (sort.offset != null && !(sort.offset instanceof RexLiteral)) {
      return;
    }
    long rows = value(sort.fetch) + (sort.offset == null ? 0 : value(sort.offset));
    if (rows <= 0 || rows > Integer.MAX_VALUE) {
      return;
    }
    call.transformTo(
        sort.copy(
            sort.getTraitSet(),
            scan.withLimit((int) rows),
            sort.getCollation(),
            sort.offset,
            sort.fetch));
  }

  private static boolean inKeyOrder(List<RelFieldCollation> order, CesiumTableScan scan) {
    int[] key = scan.cesiumTable().primaryKeyIndexes();
    if (order.size() > key.length) {
      return false;
    }
    for (int i = 0; i < order.size(); i++) {
      RelFieldCollation c = order.get(i);
      if (c.getDirection() != RelFieldCollation.Direction.ASCENDING
          || scan.tableColumn(c.getFieldIndex()) != key[i]) {
        return false;
      }
    }
    return true;
  }

  private static long value(RexNode n) {
    return n instanceof RexLiteral lit ? lit.getValueAs(Long.class) : -1;
  }
}
