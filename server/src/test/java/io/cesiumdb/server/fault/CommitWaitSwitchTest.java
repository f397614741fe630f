package io.cesiumdb.server.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.server.Main;
import io.cesiumdb.server.cli.StartCommand;
import io.cesiumdb.server.node.Node;
import io.cesiumdb.server.node.NodeConfig;
import io.cesiumdb.server.node.NodeOptions;
import io.cesiumdb.truetime.EpsilonModel;
import io.cesiumdb.truetime.SystemClockSource;
import io.cesiumdb.truetime.TrueTime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/** The negative-control switch: off only with a simulated clock, hidden, and really no wait. */
class CommitWaitSwitchTest {

  private record Run(int exit, String out, String err) {}

  private static Run cesium(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void commitWaitIsOnByDefault() {
    assertTrue(NodeOptions.defaults().commitWait());
    assertTrue(NodeOptions.simulated().commitWait());
    assertFalse(NodeOptions.simulated().withCommitWait(false).commitWait());
  }

  @Test
  void startRefusesTheSwitchWithoutTheSimulatedClock() {
    Run r = cesium("start", "--node-id", "x", StartCommand.UNSAFE_DISABLE_COMMIT_WAIT);
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("needs --clock simulated"), r.err());
  }

  @Test
  void theSwitchIsHiddenFromHelp() {
    Run r = cesium("start", "--help");
    assertEquals(0, r.exit());
    assertTrue(r.out().contains("--clock"), r.out());
    assertFalse(r.out().contains("unsafe"), r.out());
  }

  @Test
  void aNodeRefusesNoCommitWaitOnTheSystemClock() {
    NodeConfig config = new NodeConfig("p", NodeConfig.DEFAULT_HOST, 0, 0, Path.of("unused"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new Node(
                    config,
                    new SystemClockSource(EpsilonModel.fixed(7_000)),
                    NodeOptions.defaults().withCommitWait(false)));
    assertTrue(e.getMessage().contains("simulated clock"), e.getMessage());
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.SECONDS)
  void theUnsafeTrueTimeReturnsAtOnceButReadsTheRealClock() throws Exception {
    TrueTime real = TrueTime.of(new SystemClockSource(EpsilonModel.fixed(7_000)));
    TrueTime unsafe = new UnsafeNoCommitWait(real);
    long farFuture = real.now().latest() + TimeUnit.HOURS.toMicros(1);
    long started = System.nanoTime();
    unsafe.commitWait(farFuture);
    assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(1));
    assertFalse(unsafe.after(farFuture), "the clock itself is untouched");
    assertEquals(7_000, unsafe.epsilonMicros());
    assertTrue(unsafe.now().latest() >= real.now().earliest());
  }
}
