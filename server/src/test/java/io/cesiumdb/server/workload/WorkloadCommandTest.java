package io.cesiumdb.server.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.server.Main;
import io.cesiumdb.server.cli.WorkloadCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class WorkloadCommandTest {
  private final WorkloadCommand.DurationConverter durations =
      new WorkloadCommand.DurationConverter();

  @Test
  void durationsTakeMillisSecondsMinutesAndHours() {
    assertEquals(Duration.ofMillis(500), durations.convert("500ms"));
    assertEquals(Duration.ofSeconds(30), durations.convert("30s"));
    assertEquals(Duration.ofMinutes(2), durations.convert("2m"));
    assertEquals(Duration.ofSeconds(7), durations.convert("7"));
    assertThrows(CommandLine.TypeConversionException.class, () -> durations.convert("soon"));
  }

  @Test
  void anUnknownWorkloadOrNemesisIsAUsageErrorWithExitTwo() {
    assertEquals(2, run("workload", "ledger").exit);
    Run r = run("workload", "bank", "--nemesis", "meteor");
    assertEquals(2, r.exit);
    assertTrue(r.err.contains("unknown nemesis 'meteor'"), r.err);
    assertEquals(2, run("workload", "bank", "--duration", "soon").exit);
  }

  private record Run(int exit, String err) {}

  private static Run run(String... args) {
    StringWriter err = new StringWriter();
    CommandLine cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(new StringWriter(), true));
    cmd.setErr(new PrintWriter(err, true));
    return new Run(cmd.execute(args), err.toString());
  }
}
