package io.cesiumdb.sql.infoschema;

import io.cesiumdb.sql.catalog.Catalog;
import io.cesiumdb.sql.types.ColumnTypes;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * One {@code INFORMATION_SCHEMA} table as Calcite sees it. Its scan ({@link SystemTableScan})
 * stashes this object in the compiled plan and calls {@link #execute} at run time, so a cached plan
 * reads the catalog as it is when the statement runs, not as it was when it was planned. Read-only:
 * DML on it cannot be planned (0A000).
 */
public final class SystemTable extends AbstractTable implements TranslatableTable {
  private final SystemTables table;
  private final Catalog catalog;

  SystemTable(SystemTables table, Catalog catalog) {
    this.table = table;
    this.catalog = catalog;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return ColumnTypes.rowType(typeFactory, table.definition());
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return SystemTableScan.create(context.getCluster(), relOptTable, this);
  }

  /**
   * Called by generated code: the rows as {@code Object[]}, or bare values for a one-column table
   * (Calcite's SCALAR row format).
   */
  public Enumerable<Object> execute(DataContext ctx) {
    boolean scalar = table.definition().getColumnsCount() == 1;
    List<Object> out = new ArrayList<>();
    for (Object[] row : table.rows(catalog)) {
      out.add(scalar ? row[0] : row);
    }
    return Linq4j.asEnumerable(out);
  }
}
