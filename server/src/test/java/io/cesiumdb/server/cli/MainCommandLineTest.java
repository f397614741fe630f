package io.cesiumdb.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.server.BuildInfo;
import io.cesiumdb.server.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainCommandLineTest {

  private record Result(int exit, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Result(exit, out.toString(), err.toString());
  }

  @Test
  void helpListsTheSubcommands() {
    Result r = run("--help");
    assertEquals(0, r.exit());
    assertTrue(r.out().contains("Usage: cesium"), r.out());
    assertTrue(r.out().contains("demo"), r.out());
    assertTrue(r.out().contains("version"), r.out());
  }

  @Test
  void versionPrintsTheBuiltVersion() {
    Result r = run("version");
    assertEquals(0, r.exit());
    assertTrue(r.out().startsWith("CesiumDB " + BuildInfo.version()), r.out());
    assertNotEquals("unknown", BuildInfo.version());
  }

  @Test
  void unknownCommandFailsWithUsage() {
    Result r = run("frobnicate");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("Unmatched argument"), r.err());
  }

  @Test
  void demoRejectsANodeCountOutOfRange() {
    Result r = run("demo", "--nodes", "0");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("--nodes must be 1..9"), r.err());
  }
}
