package io.cesiumdb.server.cli;

import io.cesiumdb.server.BuildInfo;
import io.cesiumdb.server.demo.ClusterReport;
import io.cesiumdb.server.demo.LocalCluster;
import io.cesiumdb.server.node.AdminCredentials;
import io.cesiumdb.server.node.NodeConfig;
import io.cesiumdb.server.sql.SqlShell;
import io.cesiumdb.server.sql.StatementRunner;
import io.cesiumdb.server.sql.TerminalLines;
import io.cesiumdb.truetime.EpsilonModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cesium demo}: starts a real cluster in one JVM (tablets, placement driver, transactions,
 * each node's SQL service), creates the bootstrap user and opens the SQL shell on the first node,
 * with the demo's cluster commands ({@code status}, {@code skew}) beside SQL.
 */
@Command(
    name = "demo",
    description =
        "Start a demo cluster in this JVM (simulated TrueTime, loopback RPC) and a prompt.")
public final class DemoCommand implements Callable<Integer> {
  /** How long the demo waits for the PD to elect a leader and create the user. */
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(60);

  @Option(
      names = "--nodes",
      defaultValue = "3",
      description = "Number of nodes (default: ${DEFAULT-VALUE}).")
  int nodes;

  @Option(
      names = "--host",
      defaultValue = NodeConfig.DEFAULT_HOST,
      description = "Address the nodes listen on (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--base-port",
      defaultValue = "7100",
      description =
          "Node i listens on base-port + i; 0 picks free ports (default: ${DEFAULT-VALUE}).")
  int basePort;

  @Option(
      names = "--data-dir",
      defaultValue = "cesium-data",
      description = "Directory holding one sub-directory per node (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--admin-password",
      description =
          "Password of user cesium, created when the cluster has no user yet (default: random,"
              + " printed once).")
  String adminPassword;

  @Option(
      names = "--epsilon-ms",
      description =
          "A fixed clock error bound ε on every node's simulated clock, instead of Spanner's 1-7 ms"
              + " sawtooth (the default). Commit wait is about 2ε: benchmarks say which ε they ran"
              + " at.")
  Double epsilonMs;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (nodes < 1 || nodes > 9) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--nodes must be 1..9");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (LocalCluster cluster =
        LocalCluster.builder()
            .nodes(nodes)
            .host(host)
            .basePort(basePort)
            .dataDir(dataDir)
            .adminPassword(adminPassword)
            .epsilon(epsilonModel())
            .start()) {
      AdminCredentials admin = cluster.bootstrapAdmin(ADMIN_TIMEOUT);
      if (admin.created()) {
        DemoCredentials.write(dataDir, admin.password());
      }
      cluster.warmUpClocks();
      printBanner(out);
      out.println(admin.describe());
      out.println(
          "Consistency under faults, from another terminal in this directory:"
              + " bin/cesium workload bank --duration 30s --nemesis skew");
      out.println();
      out.print(ClusterReport.render(cluster));
      out.flush();
      DemoPrompt prompt = new DemoPrompt(cluster, out);
      runShell(cluster, admin, prompt, out);
    }
    out.println("Stopped the demo cluster.");
    return 0;
  }

  private EpsilonModel epsilonModel() {
    if (epsilonMs == null) {
      return EpsilonModel.spannerDefault();
    }
    if (!(epsilonMs >= 0.5) || epsilonMs > 1000) {
      // The demo offsets its nodes' clocks by up to 0.3 ms: a smaller ε would not cover them.
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--epsilon-ms must be in [0.5, 1000], got " + epsilonMs);
    }
    return EpsilonModel.fixed(Math.round(epsilonMs * 1000));
  }

  private void printBanner(PrintWriter out) {
    String epsilon = epsilonMs == null ? "ε 1–7 ms sawtooth" : "fixed ε " + epsilonMs + " ms";
    out.printf(
        "CesiumDB %s demo: %d nodes in one JVM, simulated TrueTime (%s), "
            + "node RPC on %s, data under %s%n%n",
        BuildInfo.version(), nodes, epsilon, host, dataDir.toAbsolutePath());
  }

  /**
   * The SQL shell on node n1 as the bootstrap user, with the demo's cluster commands; if SQL cannot
   * connect, the cluster prompt alone, so the demo stays usable.
   */
  private static void runShell(
      LocalCluster cluster, AdminCredentials admin, DemoPrompt prompt, PrintWriter out)
      throws IOException {
    Properties login = new Properties();
    login.setProperty("user", admin.user());
    login.setProperty("password", admin.password());
    String url = "jdbc:cesium://" + cluster.config(cluster.nodeIds().get(0)).rpcAddress() + "/";
    try (Connection connection = DriverManager.getConnection(url, login);
        TerminalLines lines = TerminalLines.open(historyFile())) {
      out.println("SQL shell on " + url + " (help for commands, quit to stop the cluster)");
      out.flush();
      new SqlShell(new StatementRunner(connection, out), out, prompt.asShellExtension()).run(lines);
    } catch (SQLException e) {
      out.println("SQL is not available (" + e.getMessage() + "); cluster prompt only.");
      prompt.run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
    }
  }

  private static Path historyFile() {
    return Path.of(System.getProperty("user.home"), ".cesium_history");
  }
}
