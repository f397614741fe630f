package io.cesiumdb.sql.parser;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;

/**
 * A statement that does not parse: {@code SQL-1 SYNTAX_ERROR} (SQLSTATE 42601) with the 1-based
 * line and column of the offending token, both in the message ({@code "line 3, column 7: …"}) and
 * as fields, so a script runner can add the statement's own starting line.
 */
public final class SqlSyntaxException extends CesiumException {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;

  public SqlSyntaxException(int line, int column, String detail, Throwable cause) {
    super(ErrorCode.SYNTAX_ERROR, "line " + line + ", column " + column + ": " + detail, cause);
    this.line = line;
    this.column = column;
  }

  /** 1-based line of the error within the parsed text; 0 when the parser gave no position. */
  public int line() {
    return line;
  }

  /** 1-based column of the error within its line; 0 when the parser gave no position. */
  public int column() {
    return column;
  }
}
