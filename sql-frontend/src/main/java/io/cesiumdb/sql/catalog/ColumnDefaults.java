package io.cesiumdb.sql.catalog;

import io.cesiumdb.proto.placement.ColumnDef;
import io.cesiumdb.proto.placement.TableDef;
import io.cesiumdb.sql.ddl.LiteralValues;
import io.cesiumdb.sql.parser.CesiumParser;
import java.util.Map;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.ColumnStrategy;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql2rel.InitializerContext;
import org.apache.calcite.sql2rel.NullInitializerExpressionFactory;

/**
 * Column {@code DEFAULT}s for Calcite: the validator lets an INSERT omit a column that has a
 * default or is nullable (a NOT NULL column without one is "has no default value and does not allow
 * NULLs", which the planner reports as 23502), and {@code SqlToRelConverter} fills omitted columns
 * with {@link #newColumnDefaultValue}. {@code default_sql} holds what {@code io.cesiumdb.sql.ddl}
 * accepted: a literal, {@code NULL}, or {@code CURRENT_DATE} / {@code CURRENT_TIMESTAMP} / {@code
 * LOCALTIMESTAMP}, which evaluate once per statement.
 */
final class ColumnDefaults extends NullInitializerExpressionFactory {
  private static final Map<String, SqlOperator> NILADIC =
      Map.of(
          "CURRENT_DATE", SqlStdOperatorTable.CURRENT_DATE,
          "CURRENT_TIMESTAMP", SqlStdOperatorTable.CURRENT_TIMESTAMP,
          "LOCALTIMESTAMP", SqlStdOperatorTable.LOCALTIMESTAMP);

  private final TableDef table;

  ColumnDefaults(TableDef table) {
    this.table = table;
  }

  @Override
  public ColumnStrategy generationStrategy(RelOptTable relTable, int column) {
    ColumnDef c = table.getColumns(column);
    if (!c.getDefaultSql().isEmpty()) {
      return ColumnStrategy.DEFAULT;
    }
    return c.getNullable() ? ColumnStrategy.NULLABLE : ColumnStrategy.NOT_NULLABLE;
  }

  @Override
  public RexNode newColumnDefaultValue(
      RelOptTable relTable, int column, InitializerContext context) {
    ColumnDef c = table.getColumns(column);
    if (c.getDefaultSql().isEmpty()) {
      return super.newColumnDefaultValue(relTable, column, context);
    }
    RexBuilder rex = context.getRexBuilder();
    RelDataType type = relTable.getRowType().getFieldList().get(column).getType();
    SqlNode expr = CesiumParser.parseExpression(c.getDefaultSql());
    if (expr instanceof SqlIdentifier id && id.isSimple() && NILADIC.containsKey(id.getSimple())) {
      return rex.makeCast(type, rex.makeCall(NILADIC.get(id.getSimple())));
    }
    Object value = LiteralValues.value(expr, c);
    return value == null ? rex.makeNullLiteral(type) : rex.makeLiteral(value, type, true);
  }
}
