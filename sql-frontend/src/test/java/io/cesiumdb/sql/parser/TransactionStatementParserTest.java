package io.cesiumdb.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.sql.parser.CesiumSqlTransaction.Access;
import io.cesiumdb.sql.parser.CesiumSqlTransaction.Action;
import org.apache.calcite.sql.SqlSetOption;
import org.junit.jupiter.api.Test;

class TransactionStatementParserTest {

  @Test
  void beginAndStartTransactionWithOptionalAccessMode() {
    check("begin", Action.BEGIN, Access.DEFAULT);
    check("BEGIN WORK", Action.BEGIN, Access.DEFAULT);
    check("begin transaction read only", Action.BEGIN, Access.READ_ONLY);
    check("start transaction", Action.BEGIN, Access.DEFAULT);
    check("START TRANSACTION READ WRITE", Action.BEGIN, Access.READ_WRITE);
  }

  @Test
  void commitRollbackAndSetTransaction() {
    check("commit", Action.COMMIT, Access.DEFAULT);
    check("commit work", Action.COMMIT, Access.DEFAULT);
    check("rollback", Action.ROLLBACK, Access.DEFAULT);
    check("ROLLBACK WORK", Action.ROLLBACK, Access.DEFAULT);
    check("set transaction read only", Action.SET_TRANSACTION, Access.READ_ONLY);
    check("set transaction read write", Action.SET_TRANSACTION, Access.READ_WRITE);
  }

  @Test
  void setOptionStillParses() {
    assertInstanceOf(SqlSetOption.class, CesiumParser.parseStatement("set x = 1"));
  }

  @Test
  void malformedTransactionStatementsAreSyntaxErrors() {
    SqlSyntaxException e =
        assertThrows(SqlSyntaxException.class, () -> CesiumParser.parseStatement("commit now"));
    assertEquals(ErrorCode.SYNTAX_ERROR, e.code());
    assertEquals(1, e.line());
    assertEquals(8, e.column());
    assertThrows(SqlSyntaxException.class, () -> CesiumParser.parseStatement("set transaction"));
    assertThrows(
        SqlSyntaxException.class, () -> CesiumParser.parseStatement("start transaction read"));
  }

  @Test
  void showNamesOneVariable() {
    CesiumSqlShow show =
        assertInstanceOf(CesiumSqlShow.class, CesiumParser.parseStatement("show commit_timestamp"));
    assertEquals("COMMIT_TIMESTAMP", show.name());
    assertEquals(
        "SHOW `READ_TIMESTAMP`", CesiumParser.parseStatement("SHOW read_timestamp").toString());
    assertThrows(SqlSyntaxException.class, () -> CesiumParser.parseStatement("show"));
  }

  @Test
  void unparsesToItsOwnSyntax() {
    assertEquals(
        "BEGIN READ ONLY", CesiumParser.parseStatement("start transaction read only").toString());
  }

  private static void check(String sql, Action action, Access access) {
    CesiumSqlTransaction t =
        assertInstanceOf(CesiumSqlTransaction.class, CesiumParser.parseStatement(sql));
    assertEquals(action, t.action());
    assertEquals(access, t.access());
  }
}
