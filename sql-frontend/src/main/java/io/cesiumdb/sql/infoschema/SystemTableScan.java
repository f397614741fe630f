package io.cesiumdb.sql.infoschema;

import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;

/**
 * The scan of a {@link SystemTable}: an enumerable operator whose generated code is one call to the
 * stashed table ({@code SystemTable.execute(root)}), like {@code CesiumTableScan} does with its
 * {@code ScanOperator}. Filters and projections stay above it (the tables are small).
 */
final class SystemTableScan extends TableScan implements EnumerableRel {
  private final SystemTable systemTable;

  private SystemTableScan(
      RelOptCluster cluster, RelTraitSet traits, RelOptTable table, SystemTable systemTable) {
    super(cluster, traits, List.of(), table);
    this.systemTable = systemTable;
  }

  static SystemTableScan create(RelOptCluster cluster, RelOptTable table, SystemTable t) {
    return new SystemTableScan(
        cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE), table, t);
  }

  @Override
  public RelNode copy(RelTraitSet traits, List<RelNode> inputs) {
    return new SystemTableScan(getCluster(), traits, table, systemTable);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    Expression stashed = implementor.stash(systemTable, SystemTable.class);
    PhysType physType =
        PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY);
    return implementor.result(
        physType,
        Blocks.toBlock(Expressions.call(stashed, "execute", implementor.getRootExpression())));
  }
}
