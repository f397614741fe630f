package io.cesiumdb.server.cli;

import io.cesiumdb.server.demo.ClusterReport;
import io.cesiumdb.server.demo.LocalCluster;
import io.cesiumdb.server.sql.SqlShell;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.NoSuchElementException;

/**
 * The demo's prompt until the SQL shell arrives: {@code status}, {@code skew NODE MS}, {@code
 * quit}. End of input (Ctrl-D, or no terminal at all) stops the demo.
 */
public final class DemoPrompt {
  static final String HELP =
      """
      Commands:
        status            sample the clocks over RPC and print the table again
        skew NODE MS      set NODE's simulated clock offset to MS milliseconds (e.g. skew n1 40)
        help              this text
        quit              stop the cluster (Ctrl-D does too)
      """;

  private final LocalCluster cluster;
  private final PrintWriter out;

  public DemoPrompt(LocalCluster cluster, PrintWriter out) {
    this.cluster = cluster;
    this.out = out;
  }

  /** Reads commands until {@code quit} or end of input. */
  public void run(BufferedReader in) throws IOException {
    out.println();
    out.print(HELP);
    while (true) {
      out.print("cesium> ");
      out.flush();
      String line = in.readLine();
      if (line == null || !handle(line.trim())) {
        out.println();
        return;
      }
    }
  }

  /** Runs one command; false means stop. */
  boolean handle(String line) {
    String[] words = line.split("\\s+");
    switch (words[0].toLowerCase(java.util.Locale.ROOT)) {
      case "" -> {}
      case "quit", "exit" -> {
        return false;
      }
      case "help" -> out.print(HELP);
      case "status" -> status();
      case "skew" -> skew(words);
      default -> out.println("Unknown command: " + words[0] + " (try help)");
    }
    out.flush();
    return true;
  }

  /** The demo's cluster commands ({@code status}, {@code skew}) inside the SQL shell. */
  public SqlShell.Extension asShellExtension() {
    return new SqlShell.Extension() {
      @Override
      public boolean handle(String line) {
        String[] words = line.split("\\s+");
        switch (words[0].toLowerCase(java.util.Locale.ROOT)) {
          case "status" -> status();
          case "skew" -> skew(words);
          default -> {
            return false;
          }
        }
        return true;
      }

      @Override
      public String help() {
        return """
          status   sample the clocks over RPC and print the cluster table again
          skew NODE MS   set NODE's simulated clock offset (e.g. skew n1 40; 0 heals)
        """;
      }
    };
  }

  private void status() {
    cluster.sampleClocks();
    out.print(ClusterReport.render(cluster));
  }

  private void skew(String[] words) {
    if (words.length != 3) {
      out.println("usage: skew NODE MS");
      return;
    }
    try {
      long micros = Math.round(Double.parseDouble(words[2]) * 1000);
      cluster.clock(words[1]).setOffsetMicros(micros);
      status();
    } catch (NumberFormatException | NoSuchElementException e) {
      out.println("skew: " + e.getMessage());
    }
  }
}
