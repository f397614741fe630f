package io.cesiumdb.sql.catalog;

import io.cesiumdb.proto.placement.TableDef;
import io.cesiumdb.sql.types.ColumnTypes;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * A catalog table as Calcite sees it: the row type of its {@link TableDef} and its primary key as a
 * unique key. Deliberately neither scannable nor modifiable yet: the planner (issue 6, next) makes
 * it a {@code TranslatableTable} with our own scan operator (a {@code FilterableTable} recompiles
 * per execution; ../shared/design/dependencies.md §3.1).
 *
 * <p>No collation is declared: the scan order is key order, but the planner must first decide which
 * key types may claim it (see {@code io.cesiumdb.sql.types.ValueOrder}).
 */
public final class CesiumTable extends AbstractTable {
  private final TableDef table;

  public CesiumTable(TableDef table) {
    this.table = table;
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
