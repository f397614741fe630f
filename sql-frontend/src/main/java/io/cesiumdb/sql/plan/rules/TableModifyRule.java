package io.cesiumdb.sql.plan.rules;

import io.cesiumdb.sql.catalog.CesiumTable;
import io.cesiumdb.sql.plan.CesiumTableModify;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.logical.LogicalTableModify;

/**
 * {@code LogicalTableModify} on a Cesium table → {@link CesiumTableModify}. One instance per
 * statement: {@code upsert} says whether the statement was {@code UPSERT INTO} (Calcite plans it as
 * an INSERT). MERGE is left unconverted, so planning it fails (reported as not supported).
 */
public final class TableModifyRule extends ConverterRule {
  private final boolean upsert;

  private TableModifyRule(Config config, boolean upsert) {
    super(config);
    this.upsert = upsert;
  }

  public static TableModifyRule create(boolean upsert) {
    Config config =
        Config.INSTANCE
            .withConversion(
                LogicalTableModify.class,
                Convention.NONE,
                EnumerableConvention.INSTANCE,
                upsert ? "CesiumUpsertRule" : "CesiumTableModifyRule")
            .withRuleFactory(c -> new TableModifyRule(c, upsert));
    return (TableModifyRule) config.toRule();
  }

  @Override
  public RelNode convert(RelNode rel) {
    TableModify modify = (TableModify) rel;
    if (modify.getTable().unwrap(CesiumTable.class) == null
        || modify.getOperation() == TableModify.Operation.MERGE) {
      return null;
    }
    var traits = modify.getTraitSet().replace(EnumerableConvention.INSTANCE);
    RelNode input = convert(modify.getInput(), traits);
    return CesiumTableModify.create(modify, traits, input, upsert);
  }
}
