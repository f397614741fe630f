package io.cesiumdb.sql.plan.rules;

import io.cesiumdb.sql.plan.CesiumTableScan;
import io.cesiumdb.sql.plan.KeyPredicates;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.logical.LogicalFilter;

/**
 * {@code Filter(CesiumTableScan)} → {@code Filter(residual, CesiumTableScan(keys))}: moves
 * conditions on a primary-key prefix into the scan as point lookups or key ranges ({@link
 * KeyPredicates}). Only on a full, unlimited scan: a filter never goes below a pushed-down limit,
 * and a narrowed scan is not narrowed twice.
 */
public final class KeyRangeFilterRule extends RelRule<RuleConfig> {
  public static final KeyRangeFilterRule INSTANCE =
      new KeyRangeFilterRule(
          RuleConfig.of(
              "CesiumKeyRangeFilterRule",
              b0 ->
                  b0.operand(LogicalFilter.class)
                      .oneInput(
                          b1 ->
                              b1.operand(CesiumTableScan.class)
                                  .predicate(s -> s.keyScan().isFull() && s.limit() == 0)
                                  .noInputs()),
              KeyRangeFilterRule::new));

  private KeyRangeFilterRule(RuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalFilter filter = call.rel(0);
    CesiumTableScan scan = call.rel(1);
    KeyPredicates.Split split =
        KeyPredicates.split(scan, filter.getCondition(), filter.getCluster().getRexBuilder());
    if (split == null) {
      return;
    }
    CesiumTableScan narrowed = scan.withKeyScan(split.keyScan());
    call.transformTo(
        split.residual() == null
            ? narrowed
            : filter.copy(filter.getTraitSet(), narrowed, split.residual()));
  }
}
