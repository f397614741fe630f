package io.cesiumdb.server.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlShellTest {
  @Test
  void aStatementSpanningLinesRunsOnceItsSemicolonArrives() throws Exception {
    StringWriter text = new StringWriter();
    List<String> prompts = new ArrayList<>();
    try (Connection c = CalciteConnections.open()) {
      PrintWriter out = new PrintWriter(text);
      SqlShell shell = new SqlShell(new StatementRunner(c, out), out);
      shell.run(
          lines(prompts, "VALUES (1, 'one'),", "  (2, 'two');", "SELECT * FROM nope;", "quit"));
    }
    String printed = text.toString();
    assertEquals(
        List.of(SqlShell.PROMPT, SqlShell.CONTINUATION, SqlShell.PROMPT, SqlShell.PROMPT), prompts);
    assertTrue(printed.contains("1      | one"), printed);
    assertTrue(printed.contains("2      | two"), printed);
    assertTrue(printed.contains("(2 rows, "), printed);
    assertTrue(printed.contains("ERROR") && printed.contains("NOPE"), printed);
  }

  @Test
  void helpAndEndOfInput() throws Exception {
    StringWriter text = new StringWriter();
    try (Connection c = CalciteConnections.open()) {
      PrintWriter out = new PrintWriter(text);
      new SqlShell(new StatementRunner(c, out), out).run(lines(new ArrayList<>(), "help"));
    }
    assertTrue(text.toString().contains("quit"), text.toString());
  }

  private static LineSource lines(List<String> prompts, String... input) {
    Deque<String> queue = new ArrayDeque<>(List.of(input));
    return prompt -> {
      prompts.add(prompt);
      return queue.poll();
    };
  }
}
