package io.cesiumdb.server.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {
  @Test
  void splitsAtSemicolonsAndNumbersLinesFromTheFirstRealCharacter() {
    String script =
        """
        -- a table
        CREATE TABLE t (id INT PRIMARY KEY);

        INSERT INTO t VALUES (1); INSERT INTO t
          VALUES (2);
        /* the end */ SELECT * FROM t
        """;
    List<ScriptStatement> s = StatementSplitter.script(script);
    assertEquals(
        List.of(
            new ScriptStatement("CREATE TABLE t (id INT PRIMARY KEY)", 2),
            new ScriptStatement("INSERT INTO t VALUES (1)", 4),
            new ScriptStatement("INSERT INTO t\n  VALUES (2)", 4),
            new ScriptStatement("SELECT * FROM t", 6)),
        s);
  }

  @Test
  void semicolonsInsideLiteralsIdentifiersAndCommentsDoNotSplit() {
    String script =
        "INSERT INTO t VALUES ('a;b', 'it''s;'); SELECT \"x;y\" FROM t -- c;d\n; /* e;f */";
    List<ScriptStatement> s = StatementSplitter.script(script);
    assertEquals(2, s.size(), s.toString());
    assertEquals("INSERT INTO t VALUES ('a;b', 'it''s;')", s.get(0).sql());
    assertEquals("SELECT \"x;y\" FROM t -- c;d", s.get(1).sql());
  }

  @Test
  void anUnterminatedStatementIsTheRemainderForTheShell() {
    StatementSplitter.Split split = StatementSplitter.split("SELECT 1; SELECT\n 2");
    assertEquals(List.of(new ScriptStatement("SELECT 1", 1)), split.statements());
    assertTrue(split.hasRemainder());
    assertEquals(" SELECT\n 2", split.remainder());
    assertFalse(StatementSplitter.split("SELECT 1; -- done\n").hasRemainder());
    assertTrue(StatementSplitter.split("SELECT 'open;").statements().isEmpty());
  }
}
