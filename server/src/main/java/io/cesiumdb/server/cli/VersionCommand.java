package io.cesiumdb.server.cli;

import io.cesiumdb.server.BuildInfo;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code cesium version}: prints the version of this binary and of the JVM running it. */
@Command(name = "version", description = "Print the CesiumDB version.")
public final class VersionCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().println(line());
    return 0;
  }

  static String line() {
    return "CesiumDB "
        + BuildInfo.version()
        + " (Java "
        + Runtime.version()
        + ", "
        + System.getProperty("java.vendor")
        + ")";
  }

  /** Feeds {@code cesium --version}. */
  public static final class Provider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {line()};
    }
  }
}
