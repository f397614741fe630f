package io.cesiumdb.sql.parser;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A transaction control statement: {@code BEGIN [WORK | TRANSACTION] [READ ONLY | READ WRITE]},
 * {@code START TRANSACTION [READ ONLY | READ WRITE]}, {@code COMMIT [WORK]}, {@code ROLLBACK
 * [WORK]} and {@code SET TRANSACTION READ ONLY | READ WRITE}. Calcite's grammar has none of them;
 * the session ({@code io.cesiumdb.sql.session}) executes them without the planner.
 */
public final class CesiumSqlTransaction extends SqlCall {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("TRANSACTION CONTROL", SqlKind.OTHER);

  /** What the statement does. */
  public enum Action {
    BEGIN,
    COMMIT,
    ROLLBACK,
    SET_TRANSACTION
  }

  /** The access mode written in the statement, if any. */
  public enum Access {
    DEFAULT,
    READ_ONLY,
    READ_WRITE
  }

  private final Action action;
  private final Access access;

  public CesiumSqlTransaction(SqlParserPos pos, Action action, Access access) {
    super(pos);
    this.action = Objects.requireNonNull(action, "action");
    this.access = Objects.requireNonNull(access, "access");
  }

  public Action action() {
    return action;
  }

  public Access access() {
    return access;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of();
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    switch (action) {
      case BEGIN -> writer.keyword("BEGIN");
      case COMMIT -> writer.keyword("COMMIT");
      case ROLLBACK -> writer.keyword("ROLLBACK");
      case SET_TRANSACTION -> writer.keyword("SET TRANSACTION");
    }
    switch (access) {
      case READ_ONLY -> writer.keyword("READ ONLY");
      case READ_WRITE -> writer.keyword("READ WRITE");
      case DEFAULT -> {}
    }
  }
}
