package io.cesiumdb.sql.parser;

import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.schema.ColumnStrategy;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.ddl.SqlDdlNodes;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlValidatorException;

/**
 * Java halves of the grammar actions in {@code src/main/codegen/includes/parserImpls.ftl}, kept
 * here so they are formatted, compiled and tested like the rest of the code. Errors are thrown as
 * {@link CalciteContextException}s: the generated parser turns them into {@code SqlParseException}s
 * that keep the position.
 */
public final class ParserActions {
  private ParserActions() {}

  /**
   * Records an explicit {@code NULL} / {@code NOT NULL}; a column may say it once. {@code null}
   * (not written) lets the DDL layer apply the default, which differs for key columns.
   */
  public static Boolean nullability(Boolean previous, boolean next, SqlParserPos pos) {
    if (previous != null) {
      throw error(pos, "NULL / NOT NULL given more than once for a column");
    }
    return next;
  }

  /** Rejects a column constraint written twice ({@code DEFAULT}, {@code PRIMARY KEY}). */
  public static void checkOnce(Object previous, String what, SqlParserPos pos) {
    if (previous != null) {
      throw error(pos, what + " given more than once for a column");
    }
  }

  /** A column declaration whose type spec carries the explicit nullability (or none). */
  public static SqlNode column(
      SqlParserPos pos,
      SqlIdentifier name,
      SqlDataTypeSpec type,
      Boolean nullable,
      SqlNode defaultValue) {
    ColumnStrategy strategy =
        defaultValue != null
            ? ColumnStrategy.DEFAULT
            : Boolean.FALSE.equals(nullable)
                ? ColumnStrategy.NOT_NULLABLE
                : ColumnStrategy.NULLABLE;
    return SqlDdlNodes.column(pos, name, type.withNullable(nullable), defaultValue, strategy);
  }

  /** {@code c type PRIMARY KEY} becomes the table constraint {@code PRIMARY KEY (c)}. */
  public static SqlNode columnPrimaryKey(SqlParserPos pos, SqlIdentifier column) {
    return SqlDdlNodes.primary(pos, null, SqlNodeList.of(column));
  }

  static CalciteContextException error(SqlParserPos pos, String message) {
    return new CalciteContextException(
        message,
        new SqlValidatorException(message, null),
        pos.getLineNum(),
        pos.getColumnNum(),
        pos.getEndLineNum(),
        pos.getEndColumnNum());
  }
}
