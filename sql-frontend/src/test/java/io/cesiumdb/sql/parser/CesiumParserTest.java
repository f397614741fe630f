package io.cesiumdb.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.common.error.ErrorCode;
import java.util.List;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.ddl.SqlColumnDeclaration;
import org.apache.calcite.sql.ddl.SqlCreateSchema;
import org.apache.calcite.sql.ddl.SqlDropTable;
import org.apache.calcite.sql.ddl.SqlKeyConstraint;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.util.Litmus;
import org.junit.jupiter.api.Test;

class CesiumParserTest {

  @Test
  void createTableWithColumnLevelPrimaryKeyBecomesTableConstraint() {
    CesiumSqlCreateTable t =
        create("create table s.t (id bigint primary key, name varchar(10) not null default 'x')");
    assertEquals(List.of("S", "T"), t.name.names);
    assertEquals(3, t.columnList.size());
    SqlColumnDeclaration id = (SqlColumnDeclaration) t.columnList.get(0);
    assertEquals("ID", id.name.getSimple());
    assertNull(id.dataType.getNullable(), "nullability not written stays unspecified");
    SqlKeyConstraint pk = (SqlKeyConstraint) t.columnList.get(1);
    SqlColumnDeclaration name = (SqlColumnDeclaration) t.columnList.get(2);
    assertEquals(Boolean.FALSE, name.dataType.getNullable());
    assertEquals("'x'", name.expression.toString());
    assertEquals(SqlKind.PRIMARY_KEY, pk.getOperator().getKind());
    assertEquals("`ID`", pk.getOperandList().get(1).toString());
    assertTrue(t.splitPoints.isEmpty());
  }

  @Test
  void columnConstraintsMayComeInAnyOrder() {
    CesiumSqlCreateTable t =
        create("create table t (a int default -5 not null, b date null, c int primary key)");
    SqlColumnDeclaration a = (SqlColumnDeclaration) t.columnList.get(0);
    assertEquals(Boolean.FALSE, a.dataType.getNullable());
    assertEquals("-5", a.expression.toString());
    SqlColumnDeclaration b = (SqlColumnDeclaration) t.columnList.get(1);
    assertEquals(Boolean.TRUE, b.dataType.getNullable());
    assertInstanceOf(SqlKeyConstraint.class, t.columnList.get(3), "key follows its column");
  }

  @Test
  void tableLevelCompositeKeyWithConstraintNameAndSplitPoints() {
    CesiumSqlCreateTable t =
        create(
            "CREATE TABLE IF NOT EXISTS t (a INT, b VARCHAR, CONSTRAINT pk PRIMARY KEY (a, b))"
                + " SPLIT AT ((10), (20, 'm'))");
    assertTrue(t.ifNotExists());
    SqlKeyConstraint pk = (SqlKeyConstraint) t.columnList.get(2);
    assertEquals(2, ((SqlNodeList) pk.getOperandList().get(1)).size());
    assertEquals(2, t.splitPoints.size());
    assertEquals(1, ((SqlNodeList) t.splitPoints.get(0)).size());
    assertEquals(2, ((SqlNodeList) t.splitPoints.get(1)).size());
  }

  @Test
  void unparsedDdlParsesBackToTheSameTree() {
    for (String sql :
        List.of(
            "create table t (a int, b varchar(3) not null, primary key (a)) split at ((1), (2))",
            "alter table s.t split at (10, 'x')")) {
      SqlNode first = CesiumParser.parseStatement(sql);
      String text = first.toSqlString(CalciteSqlDialect.DEFAULT).getSql();
      SqlNode again = CesiumParser.parseStatement(text);
      assertTrue(first.equalsDeep(again, Litmus.THROW), text);
    }
  }

  @Test
  void schemaDropAndAlterStatements() {
    SqlCreateSchema schema =
        assertInstanceOf(
            SqlCreateSchema.class, CesiumParser.parseStatement("create schema if not exists app"));
    assertTrue(schema.ifNotExists);
    SqlDropTable drop =
        assertInstanceOf(
            SqlDropTable.class, CesiumParser.parseStatement("drop table if exists app.t"));
    assertTrue(drop.ifExists);
    assertFalse(
        ((SqlDropTable) CesiumParser.parseStatement("drop table t")).ifExists, "no IF EXISTS");
    CesiumSqlAlterTableSplit alter =
        assertInstanceOf(
            CesiumSqlAlterTableSplit.class,
            CesiumParser.parseStatement("ALTER TABLE t SPLIT AT (DATE '2024-01-01', -3)"));
    assertEquals(2, alter.point.size());
  }

  @Test
  void queriesAndDmlStillParseAndNewKeywordsStayUsableAsNames() {
    for (String sql :
        List.of(
            "select split, \"if\" from t where id = ? order by 1 limit 10 offset 2",
            "insert into t (a, b) values (1, 'x'), (2, 'y')",
            "update t set b = 'z' where a = 1",
            "delete from t where a in (1, 2)",
            "select * from t for system_time as of timestamp '2024-01-01 00:00:00'",
            "alter session set x = 1")) {
      CesiumParser.parseStatement(sql);
    }
    assertEquals(2, CesiumParser.parseStatements("select 1; select 2").size());
  }

  @Test
  void unquotedIdentifiersAreUpperCasedQuotedOnesKept() {
    CesiumSqlCreateTable t = create("create table \"Mixed\" (\"id\" int primary key, Other int)");
    assertEquals("Mixed", t.name.getSimple());
    assertEquals("id", ((SqlColumnDeclaration) t.columnList.get(0)).name.getSimple());
    assertEquals("OTHER", ((SqlColumnDeclaration) t.columnList.get(2)).name.getSimple());
  }

  @Test
  void syntaxErrorCarriesLineAndColumn() {
    SqlSyntaxException e =
        assertThrows(
            SqlSyntaxException.class,
            () ->
                CesiumParser.parseStatement(
                    "create table t (\n  id int,\n  name varchar(10) frob\n)"));
    assertEquals(ErrorCode.SYNTAX_ERROR, e.code());
    assertEquals("42601", e.sqlState());
    assertEquals(3, e.line());
    assertEquals(20, e.column());
    assertTrue(e.getMessage().contains("line 3, column 20"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), "expected-token list is cut");
  }

  @Test
  void conflictingColumnConstraintsAreSyntaxErrorsWithPosition() {
    SqlSyntaxException nulls =
        assertThrows(
            SqlSyntaxException.class,
            () -> CesiumParser.parseStatement("create table t (a int not null null primary key)"));
    assertEquals(1, nulls.line());
    assertEquals(32, nulls.column());
    assertTrue(nulls.getMessage().contains("NULL / NOT NULL"), nulls.getMessage());
    assertThrows(
        SqlSyntaxException.class,
        () -> CesiumParser.parseStatement("create table t (a int primary key primary key)"));
    assertThrows(
        SqlSyntaxException.class,
        () -> CesiumParser.parseStatement("create table t (a int default 1 default 2)"));
  }

  @Test
  void emptySplitListAndMissingParenthesesAreSyntaxErrors() {
    assertThrows(
        SqlSyntaxException.class,
        () -> CesiumParser.parseStatement("create table t (a int primary key) split at ()"));
    assertThrows(
        SqlSyntaxException.class,
        () -> CesiumParser.parseStatement("create table t (a int primary key) split at (1, 2)"));
    assertThrows(
        SqlSyntaxException.class, () -> CesiumParser.parseStatement("alter table t split at 5"));
  }

  private static CesiumSqlCreateTable create(String sql) {
    return assertInstanceOf(CesiumSqlCreateTable.class, CesiumParser.parseStatement(sql));
  }
}
