package io.cesiumdb.sql.parser;

import io.cesiumdb.sql.parser.impl.CesiumSqlParserImpl;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * The one entry point for turning SQL text into Calcite {@link SqlNode}s, with CesiumDB's parser
 * (Calcite's grammar + our DDL) and identifier rules:
 *
 * <ul>
 *   <li>unquoted identifiers are upper-cased ({@code select id from t} means {@code ID} and {@code
 *       T}), as the SQL standard and Calcite's default say;
 *   <li>double-quoted identifiers keep their case ({@code "id"} is a different name from {@code
 *       id});
 *   <li>after that, name matching is exact (case-sensitive): the catalog stores names as the parser
 *       produced them.
 * </ul>
 *
 * <p>Thread-safe: each call builds its own parser (the generated parser is single-use).
 */
public final class CesiumParser {
  /** Identifier length limit of the parser; longer names are a syntax error. */
  public static final int MAX_IDENTIFIER_LENGTH = 128;

  /** The parser configuration every component must use (planner, DDL, tools). */
  public static final SqlParser.Config CONFIG =
      SqlParser.config()
          .withParserFactory(CesiumSqlParserImpl.FACTORY)
          .withQuoting(Quoting.DOUBLE_QUOTE)
          .withUnquotedCasing(Casing.TO_UPPER)
          .withQuotedCasing(Casing.UNCHANGED)
          .withCaseSensitive(true)
          .withIdentifierMaxLength(MAX_IDENTIFIER_LENGTH)
          .withConformance(SqlConformanceEnum.DEFAULT);

  private CesiumParser() {}

  /** Parses exactly one statement (a trailing semicolon is not part of it). */
  public static SqlNode parseStatement(String sql) {
    try {
      return SqlParser.create(sql, CONFIG).parseStmt();
    } catch (SqlParseException e) {
      throw syntaxError(e);
    }
  }

  /** Parses a {@code ;}-separated script into its statements. */
  public static List<SqlNode> parseStatements(String sql) {
    try {
      return new ArrayList<>(SqlParser.create(sql, CONFIG).parseStmtList().getList());
    } catch (SqlParseException e) {
      throw syntaxError(e);
    }
  }

  /** Parses a scalar expression, e.g. a stored column default. */
  public static SqlNode parseExpression(String sql) {
    try {
      return SqlParser.create(sql, CONFIG).parseExpression();
    } catch (SqlParseException e) {
      throw syntaxError(e);
    }
  }

  /** Calcite's message keeps only its first line; the expected-token list can run to pages. */
  static SqlSyntaxException syntaxError(SqlParseException e) {
    SqlParserPos pos = e.getPos();
    int line = pos == null ? 0 : pos.getLineNum();
    int column = pos == null ? 0 : pos.getColumnNum();
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    String detail = (newline < 0 ? message : message.substring(0, newline)).strip();
    return new SqlSyntaxException(line, column, detail, e);
  }
}
