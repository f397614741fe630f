package io.cesiumdb.tests.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How keyless sqllogictest tables get a primary key without changing any result. */
class StatementRewriterTest {
  private static KeyPlanner.Statement ok(String sql) {
    return new KeyPlanner.Statement(sql, true);
  }

  @Test
  void aColumnWithDistinctNonNullLiteralsBecomesTheKey() {
    List<KeyPlanner.Statement> file =
        List.of(
            ok("CREATE TABLE t1(a INTEGER, b INTEGER, x VARCHAR(30))"),
            ok("INSERT INTO t1(b, x, a) VALUES(1, 'row 1', NULL)"),
            ok("INSERT INTO t1 VALUES(2, 1, 'row 2')"),
            new KeyPlanner.Statement("INSERT INTO t1 VALUES(3, 3, 'row 2')", false));
    StatementRewriter rw = StatementRewriter.forStatements(file, false);
    assertEquals(
        "CREATE TABLE T1(a INTEGER, b INTEGER, x VARCHAR(30) NOT NULL, PRIMARY KEY (X))",
        rw.rewrite(file.get(0).sql()));
    assertEquals(file.get(1).sql(), rw.rewrite(file.get(1).sql()), "inserts run as written");
    assertEquals(List.of("T1"), rw.createdTables());
  }

  @Test
  void withoutSuchAColumnTheHarnessNumbersTheRows() {
    List<KeyPlanner.Statement> file =
        List.of(
            ok("CREATE TABLE t2(a INTEGER, b INTEGER)"),
            ok("INSERT INTO t2(b, a) VALUES(1, NULL)"),
            ok("INSERT INTO t2 VALUES(1, 2), (1, 2)"));
    StatementRewriter rw = StatementRewriter.forStatements(file, false);
    assertEquals(
        "CREATE TABLE T2(a INTEGER, b INTEGER, SLT_ROWID BIGINT NOT NULL, PRIMARY KEY (SLT_ROWID))",
        rw.rewrite(file.get(0).sql()));
    assertEquals(
        "INSERT INTO T2(B, A, SLT_ROWID) VALUES (1, NULL, 1)", rw.rewrite(file.get(1).sql()));
    assertEquals(
        "INSERT INTO T2(A, B, SLT_ROWID) VALUES (1, 2, 2), (1, 2, 3)",
        rw.rewrite(file.get(2).sql()));
  }

  @Test
  void aTableNothingFillsIsKeyedByItsFirstColumnNotARowId() {
    List<KeyPlanner.Statement> file =
        List.of(
            ok("CREATE TABLE t1(x INTEGER)"),
            new KeyPlanner.Statement("INSERT INTO t1 VALUES(NULL)", false));
    assertEquals(TableKey.column("X"), KeyPlanner.plan(file).get("T1"));
    assertEquals(
        "CREATE TABLE T1(x INTEGER NOT NULL, PRIMARY KEY (X))",
        StatementRewriter.forStatements(file, false).rewrite(file.get(0).sql()));
  }

  @Test
  void equalNumbersCountAsDuplicatesAndUpdatesForbidAColumnKey() {
    assertEquals(
        TableKey.ROWID,
        KeyPlanner.plan(
                List.of(
                    ok("CREATE TABLE t(a INTEGER)"),
                    ok("INSERT INTO t VALUES(1)"),
                    ok("INSERT INTO t VALUES(1.0)")))
            .get("T"));
    assertEquals(
        TableKey.ROWID,
        KeyPlanner.plan(
                List.of(
                    ok("CREATE TABLE t(a INTEGER)"),
                    ok("INSERT INTO t VALUES(1)"),
                    ok("UPDATE t SET a = 2")))
            .get("T"));
    assertEquals(
        TableKey.ROWID,
        KeyPlanner.plan(List.of(ok("CREATE TABLE t(a INTEGER)"), ok("INSERT INTO t SELECT 1")))
            .get("T"));
  }

  @Test
  void declaredKeysAndOtherStatementsRunAsWritten() {
    String create = "CREATE TABLE tab0(pk INTEGER PRIMARY KEY, col0 INTEGER, col1 FLOAT)";
    String insert = "INSERT INTO tab0 VALUES(0,'a, b',1.5)";
    StatementRewriter rw = StatementRewriter.forStatements(List.of(ok(create), ok(insert)), false);
    assertEquals(create, rw.rewrite(create));
    assertEquals(insert, rw.rewrite(insert));
    assertEquals("CREATE INDEX i ON tab0(col0)", rw.rewrite("CREATE INDEX i ON tab0(col0)"));
  }

  @Test
  void typeAliasesReplaceOnlyColumnTypes() {
    String create = "CREATE TABLE tab0(pk INTEGER PRIMARY KEY, text FLOAT, col2 TEXT, col3 real)";
    StatementRewriter rw = StatementRewriter.forStatements(List.of(ok(create)), true);
    assertEquals(
        "CREATE TABLE TAB0(pk INTEGER PRIMARY KEY, text DOUBLE, col2 VARCHAR, col3 DOUBLE)",
        rw.rewrite(create));
  }

  @Test
  void literalsSplitOutsideQuotesAndParentheses() {
    InsertSql insert = InsertSql.parse("INSERT INTO t VALUES('it''s, here', (1+2), -3)").get();
    assertEquals(List.of(List.of("'it''s, here'", "(1+2)", "-3")), insert.rows());
    assertEquals("s:it''s, here", KeyPlanner.normalized("'it''s, here'"));
    assertEquals(null, KeyPlanner.normalized("(1+2)"));
    assertEquals("n:-3", KeyPlanner.normalized("-3"));
    assertTrue(InsertSql.parse("INSERT INTO t SELECT * FROM u").isEmpty());
  }
}
