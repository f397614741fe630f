package io.cesiumdb.server.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

class ScriptRunnerTest {
  private static final String SCRIPT =
      """
      VALUES 'first';

      -- the next one fails
      SELECT *
        FROM nope;
      VALUES 'third';
      """;

  @Test
  void stopsAtTheFirstErrorAndNamesItsLine() throws Exception {
    Outcome o = run(false);
    assertEquals(1, o.failed());
    assertTrue(o.err().startsWith("s.sql:4: ERROR"), o.err());
    assertTrue(o.out().contains("first"), o.out());
    assertFalse(o.out().contains("third"), "stopped before the third statement: " + o.out());
  }

  @Test
  void goesOnWhenAskedTo() throws Exception {
    Outcome o = run(true);
    assertEquals(1, o.failed());
    assertTrue(o.out().contains("third"), o.out());
  }

  private record Outcome(int failed, String out, String err) {}

  private static Outcome run(boolean continueOnError) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    try (Connection c = CalciteConnections.open()) {
      PrintWriter o = new PrintWriter(out);
      ScriptRunner r =
          new ScriptRunner(new StatementRunner(c, o), new PrintWriter(err, true), continueOnError);
      int failed = r.run("s.sql", SCRIPT);
      o.flush();
      return new Outcome(failed, out.toString(), err.toString());
    }
  }
}
