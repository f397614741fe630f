package io.cesiumdb.sql.catalog;

import io.cesiumdb.proto.placement.TableDef;
import io.cesiumdb.sql.plan.CesiumTableScan;
import io.cesiumdb.sql.types.ColumnTypes;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql2rel.InitializerExpressionFactory;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * A catalog table as Calcite sees it: the row type of its {@link TableDef}, its primary key as a
 * unique key, its column defaults ({@link ColumnDefaults}, via {@link #unwrap}) and, as a {@link
 * TranslatableTable}, our own scan operator {@link CesiumTableScan} that the planner's rules narrow
 * to key ranges. Not a {@code FilterableTable}: that path recompiles per execution
 * (../shared/design/dependencies.md §3.1). Writes are planned as a {@code TableModify} that the
 * planner turns into {@code CesiumTableModify}.
 *
 * <p>No collation is declared: the scan order is key order, but the planner must first decide which
 * key types may claim it (see {@code io.cesiumdb.sql.types.ValueOrder}).
 */
public final class CesiumTable extends AbstractTable implements TranslatableTable {
  private final TableDef table;
  private final ColumnDefaults defaults;

  public CesiumTable(TableDef table) {
    this.table = table;
    this.defaults = new ColumnDefaults(table);
  }

  /** The definition this table was built from (id = keyspace, schema version, key columns). */
  public TableDef tableDef() {
    return table;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return ColumnTypes.rowType(typeFactory, table);
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return CesiumTableScan.create(context.getCluster(), relOptTable, this);
  }

  @Override
  public <C> C unwrap(Class<C> type) {
    if (type == InitializerExpressionFactory.class) {
      return type.cast(defaults);
    }
    return super.unwrap(type);
  }

  @Override
  public Statistic getStatistic() {
    return Statistics.of(
        null, List.of(ImmutableBitSet.of(primaryKeyIndexes())), List.of(), List.of());
  }

  /** Positions of the primary-key columns in the row, in key order. */
  public int[] primaryKeyIndexes() {
    List<String> names = table.getColumnsList().stream().map(c -> c.getName()).toList();
    return table.getPrimaryKeyList().stream().mapToInt(names::indexOf).toArray();
  }
}
