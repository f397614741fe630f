package io.cesiumdb.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code cesium sql -f}: exit codes and where errors are reported. Calcite's own JDBC driver stands
 * in for a cluster (the shell speaks plain JDBC); the cluster run is in the tests module.
 */
class SqlCommandTest {
  @TempDir Path dir;

  private record Result(int exit, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = new CommandLine(new SqlCommand());
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int exit = cmd.execute(args);
    return new Result(exit, out.toString(), err.toString());
  }

  @Test
  void aCleanScriptExitsZeroAndPrintsItsRows() throws Exception {
    Path script = Files.writeString(dir.resolve("ok.sql"), "VALUES 'hello';\nVALUES 1, 2;\n");
    Result r = run("--url", "jdbc:calcite:", "-f", script.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("hello") && r.out().contains("(2 rows, "), r.out());
  }

  @Test
  void aFailingScriptExitsOneNamingTheLine() throws Exception {
    Path script = Files.writeString(dir.resolve("bad.sql"), "VALUES 1;\n\nSELECT x FROM nope;\n");
    Result r = run("--url", "jdbc:calcite:", "-f", script.toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("bad.sql:3: ERROR"), r.err());
  }

  @Test
  void noConnectionOrNoScriptExitsTwo() {
    Result noDriver = run("--url", "jdbc:nothing:here", "-f", dir.resolve("x.sql").toString());
    assertEquals(2, noDriver.exit());
    assertTrue(noDriver.err().contains("cannot read"), noDriver.err());
    Result noServer = run("--url", "jdbc:nothing:here");
    assertEquals(2, noServer.exit());
    assertTrue(noServer.err().contains("cannot connect to jdbc:nothing:here"), noServer.err());
  }
}
