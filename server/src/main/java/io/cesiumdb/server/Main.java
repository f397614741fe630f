package io.cesiumdb.server;

import io.cesiumdb.common.concurrent.AsyncDefaults;
import io.cesiumdb.server.cli.DemoCommand;
import io.cesiumdb.server.cli.SqlCommand;
import io.cesiumdb.server.cli.StartCommand;
import io.cesiumdb.server.cli.StatusCommand;
import io.cesiumdb.server.cli.VersionCommand;
import io.cesiumdb.server.cli.WorkloadCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code cesium} binary; {@code bin/cesium} runs it. */
@Command(
    name = "cesium",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = "CesiumDB: a Spanner-style distributed SQL database.",
    subcommands = {
      VersionCommand.class,
      DemoCommand.class,
      StartCommand.class,
      StatusCommand.class,
      SqlCommand.class,
      WorkloadCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    if (!AsyncDefaults.ensurePooledAsync()) {
      System.err.println(
          "cesium: warning: async stages run thread-per-task (ForkJoinPool common parallelism < 2)");
    }
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit status; tests call this. */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** The configured picocli command tree. */
  public static CommandLine commandLine() {
    return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
