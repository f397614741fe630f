package io.cesiumdb.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.server.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class StatusCommandTest {

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

  /** A loopback port nothing listens on (it was free a moment ago). */
  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Test
  void unreachableUrlFailsWithTheAddressAndNoStackTrace() throws IOException {
    String url = "127.0.0.1:" + closedPort();
    Result r = run("status", "--url", url);
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.err().startsWith("cesium status: "), r.err());
    assertTrue(r.err().contains(url), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace:\n" + r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.out().isEmpty(), r.out());
  }

  @Test
  void malformedUrlIsAUsageError() {
    Result r = run("status", "--url", "nohost");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("--url must be HOST:PORT"), r.err());
  }

  @Test
  void helpNamesTheDefaultUrl() {
    Result r = run("status", "--help");
    assertEquals(0, r.exit());
    assertTrue(r.out().contains(StatusCommand.DEFAULT_URL), r.out());
  }
}
