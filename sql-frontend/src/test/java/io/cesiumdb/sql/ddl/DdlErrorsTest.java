package io.cesiumdb.sql.ddl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.sql.catalog.InMemoryCatalog;
import io.cesiumdb.sql.parser.SqlSyntaxException;
import org.junit.jupiter.api.Test;

/** Every way a DDL statement is refused, with the code a client sees. */
class DdlErrorsTest {
  private final DdlConverter ddl = new DdlConverter(InMemoryCatalog.withDefaultSchema(), "PUBLIC");

  @Test
  void primaryKeyRules() {
    assertCode(ErrorCode.VALIDATION_ERROR, "create table t (a int, b int)", "no primary key");
    assertCode(
        ErrorCode.VALIDATION_ERROR,
        "create table t (a int primary key, b int, primary key (b))",
        "2 primary keys");
    assertCode(ErrorCode.COLUMN_NOT_FOUND, "create table t (a int, primary key (x))", "X");
    assertCode(
        ErrorCode.VALIDATION_ERROR, "create table t (a int null primary key)", "declared NULL");
    assertCode(
        ErrorCode.VALIDATION_ERROR, "create table t (a int, b int null, primary key (a, b))", "B");
    assertCode(ErrorCode.VALIDATION_ERROR, "create table t (a int, primary key (a, a))", "twice");
    assertCode(ErrorCode.VALIDATION_ERROR, "create table t (a int primary key, a int)", "twice");
  }

  @Test
  void typeRules() {
    assertCode(
        ErrorCode.VALIDATION_ERROR, "create table t (a foo primary key)", "unknown type FOO");
    assertCode(ErrorCode.VALIDATION_ERROR, "create table t (a float primary key)", "FLOAT");
    assertCode(ErrorCode.VALIDATION_ERROR, "create table t (a char(3) primary key)", "CHAR");
    assertCode(ErrorCode.VALIDATION_ERROR, "create table t (a tinyint primary key)", "TINYINT");
    assertCode(ErrorCode.VALIDATION_ERROR, "create table t (a int array primary key)", "unknown");
    assertCode(
        ErrorCode.VALIDATION_ERROR,
        "create table t (a int primary key, b timestamp(6))",
        "TIMESTAMP(6)");
    assertCode(
        ErrorCode.VALIDATION_ERROR,
        "create table t (a int primary key, b decimal(39, 2))",
        "DECIMAL(39, 2)");
    assertCode(
        ErrorCode.VALIDATION_ERROR,
        "create table t (a int primary key, b decimal(4, 5))",
        "DECIMAL(4, 5)");
    assertCode(
        ErrorCode.VALIDATION_ERROR,
        "create table t (a int primary key, b varchar(70000))",
        "VARCHAR(70000)");
    assertCode(
        ErrorCode.VALIDATION_ERROR,
        "create table t (a int primary key, b timestamp with local time zone)",
        "TIMESTAMP_WITH_LOCAL_TIME_ZONE");
  }

  @Test
  void defaultRules() {
    assertCode(
        ErrorCode.DATA_EXCEPTION, "create table t (a int primary key, b int default 'x')", "B");
    assertCode(
        ErrorCode.NUMERIC_OUT_OF_RANGE,
        "create table t (a int primary key, b smallint default 40000)",
        "B");
    assertCode(
        ErrorCode.DATA_EXCEPTION,
        "create table t (a int primary key, b varchar(2) default 'abc')",
        "too long");
    assertCode(
        ErrorCode.VALIDATION_ERROR,
        "create table t (a int primary key, b int not null default null)",
        "NULL");
    assertCode(
        ErrorCode.VALIDATION_ERROR,
        "create table t (a int primary key, b timestamp default current_date)",
        "CURRENT_DATE");
    assertCode(
        ErrorCode.FEATURE_NOT_SUPPORTED,
        "create table t (a int primary key, b int default (1 + 2))",
        "literal");
    assertCode(
        ErrorCode.FEATURE_NOT_SUPPORTED,
        "create table t (a int primary key, b int default a)",
        "literal");
    assertCode(
        ErrorCode.FEATURE_NOT_SUPPORTED,
        "create table t (a int primary key, b date default \"CURRENT_DATE\")",
        "literal");
    assertCode(
        ErrorCode.VALIDATION_ERROR,
        "create table t (a int primary key, b date default time '10:00:00')",
        "unsupported literal");
  }

  @Test
  void splitPointRules() {
    String t = "create table t (a int, b varchar(3), primary key (a, b)) split at ";
    assertCode(ErrorCode.VALIDATION_ERROR, t + "((20), (10))", "strictly increasing");
    assertCode(ErrorCode.VALIDATION_ERROR, t + "((10), (10))", "strictly increasing");
    assertCode(ErrorCode.VALIDATION_ERROR, t + "((1, 'a', 3))", "the key has 2");
    assertCode(ErrorCode.VALIDATION_ERROR, t + "((null))", "NULL");
    assertCode(ErrorCode.VALIDATION_ERROR, t + "((1 + 1))", "literal");
    assertCode(ErrorCode.NUMERIC_OUT_OF_RANGE, t + "((3000000000))", "A");
    assertCode(ErrorCode.DATA_EXCEPTION, t + "(('x'))", "A");
    assertCode(ErrorCode.DATA_EXCEPTION, t + "((1, 'abcd'))", "too long");
  }

  @Test
  void namesAndStatementKinds() {
    assertCode(
        ErrorCode.VALIDATION_ERROR, "create table a.b.c (x int primary key)", "too many parts");
    assertCode(ErrorCode.VALIDATION_ERROR, "create schema a.b", "single name");
    assertCode(
        ErrorCode.FEATURE_NOT_SUPPORTED,
        "create or replace table t (x int primary key)",
        "REPLACE");
    assertCode(ErrorCode.VALIDATION_ERROR, "select 1", "not a DDL statement");
    assertCode(ErrorCode.TABLE_NOT_FOUND, "alter table nope split at (1)", "PUBLIC.NOPE");
  }

  @Test
  void syntaxErrorsKeepTheirPosition() {
    SqlSyntaxException e =
        assertThrows(
            SqlSyntaxException.class, () -> ddl.convert("create table t (\n  a int primary\n)"));
    assertEquals(ErrorCode.SYNTAX_ERROR, e.code());
    assertEquals(3, e.line());
    assertTrue(e.getMessage().startsWith("[SQL-1] line 3, column 1: "), e.getMessage());
  }

  private void assertCode(ErrorCode code, String sql, String messagePart) {
    CesiumException e = assertThrows(CesiumException.class, () -> ddl.convert(sql), sql);
    assertEquals(code, e.code(), sql + " → " + e.getMessage());
    assertTrue(e.getMessage().contains(messagePart), sql + " → " + e.getMessage());
  }
}
