package io.cesiumdb.server.cli;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.server.admin.ClusterStatusReader;
import io.cesiumdb.server.admin.StatusTable;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cesium status}: the admin view of a running cluster, read through any node (PD leader,
 * nodes with liveness, tablets, leaders and disk use, totals). Exit 0 when read, 1 when the cluster
 * could not be read (message on stderr naming the address, no stack trace), 2 on bad options.
 */
@Command(
    name = "status",
    description = {
      "Print the cluster's state: placement driver leader, nodes (liveness from the age of their"
          + " last heartbeat: up < 10 s <= suspect < 30 s <= down), tablets and leaders per node"
          + " from the directory, disk used, totals.",
    })
public final class StatusCommand implements Callable<Integer> {
  /** The demo's first node. */
  static final String DEFAULT_URL = "127.0.0.1:7101";

  @Option(
      names = "--url",
      defaultValue = DEFAULT_URL,
      description = "RPC address host:port of any node (default: ${DEFAULT-VALUE}).")
  String url;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final ClusterStatusReader reader;

  public StatusCommand() {
    this(ClusterStatusReader.defaults());
  }

  StatusCommand(ClusterStatusReader reader) {
    this.reader = reader;
  }

  @Override
  public Integer call() {
    if (!HostPort.valid(url)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--url must be HOST:PORT, got " + url);
    }
    try {
      spec.commandLine().getOut().print(StatusTable.render(reader.read(url)));
      spec.commandLine().getOut().flush();
      return 0;
    } catch (CesiumException e) {
      spec.commandLine().getErr().println("cesium status: " + e.getMessage());
      spec.commandLine().getErr().flush();
      return 1;
    }
  }
}
