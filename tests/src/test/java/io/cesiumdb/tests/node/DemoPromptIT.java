package io.cesiumdb.tests.node;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.server.cli.DemoPrompt;
import io.cesiumdb.server.demo.LocalCluster;
import io.cesiumdb.server.node.NodeConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's prompt drives a real 3-node demo cluster: status table, skew, quit. */
class DemoPromptIT {
  @TempDir Path dataDir;

  @Test
  void statusSkewAndQuit() throws IOException {
    StringWriter out = new StringWriter();
    try (LocalCluster cluster = LocalCluster.start(3, NodeConfig.DEFAULT_HOST, 0, dataDir)) {
      String script = "status\nskew n2 0.5\nskew n9 1\nbogus\nquit\nstatus\n";
      new DemoPrompt(cluster, new PrintWriter(out, true))
          .run(new BufferedReader(new StringReader(script)));
      assertTrue(cluster.clock("n2").trueOffsetMicros() == 500, "skew n2 0.5 sets 500 µs");
    }
    String text = out.toString();
    assertTrue(text.contains("n1") && text.contains("n2") && text.contains("n3"), text);
    assertTrue(text.contains("true offset"), text);
    assertTrue(text.contains("+0.500 ms"), "the table shows n2's new offset:\n" + text);
    assertTrue(text.contains("no node n9"), text);
    assertTrue(text.contains("Unknown command: bogus"), text);
  }
}
