package io.cesiumdb.server.cli;

import io.cesiumdb.server.sql.ScriptRunner;
import io.cesiumdb.server.sql.SqlShell;
import io.cesiumdb.server.sql.StatementRunner;
import io.cesiumdb.server.sql.TerminalLines;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cesium sql}: the SQL shell over the project's own JDBC driver, or a script runner with
 * {@code -f}. Exit codes: 0 all statements ran; 1 a statement failed (the script stopped there,
 * unless {@code --continue-on-error}); 2 bad options or no connection.
 */
@Command(
    name = "sql",
    description = {
      "Interactive SQL shell (history, multi-line statements, tables with row counts and timings),"
          + " or run a script with -f: statement by statement, stopping at the first error unless"
          + " --continue-on-error; errors name the script line.",
    })
public final class SqlCommand implements Callable<Integer> {
  /** The demo's first node. */
  static final String DEFAULT_URL = "jdbc:cesium://127.0.0.1:7101/";

  /** Where a password comes from when --password is not given. */
  static final String PASSWORD_ENV = "CESIUM_PASSWORD";

  @Option(
      names = "--url",
      defaultValue = DEFAULT_URL,
      description =
          "JDBC URL, jdbc:cesium://host:port[,host:port...]/[schema] (default: ${DEFAULT-VALUE}).")
  String url;

  @Option(
      names = {"-u", "--user"},
      defaultValue = "cesium",
      description = "User name (default: ${DEFAULT-VALUE}).")
  String user;

  @Option(
      names = {"-p", "--password"},
      description = "Password (default: the " + PASSWORD_ENV + " environment variable).")
  String password;

  @Option(
      names = {"-f", "--file"},
      description = "Run this script instead of the interactive shell.")
  Path file;

  @Option(
      names = "--continue-on-error",
      description = "With -f: report a failing statement and go on with the next.")
  boolean continueOnError;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String script = file == null ? null : readScript(err);
    if (file != null && script == null) {
      return 2;
    }
    try (Connection connection = DriverManager.getConnection(url, credentials())) {
      StatementRunner runner = new StatementRunner(connection, out);
      if (script != null) {
        int failed = new ScriptRunner(runner, err, continueOnError).run(file.toString(), script);
        return failed == 0 ? 0 : 1;
      }
      try (TerminalLines lines = TerminalLines.open(historyFile())) {
        new SqlShell(runner, out).run(lines);
      }
      return 0;
    } catch (SQLException e) {
      err.println("cannot connect to " + url + ": " + describe(e));
      return 2;
    }
  }

  private String readScript(PrintWriter err) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      err.println("cannot read " + file + ": " + e.getMessage());
      return null;
    }
  }

  private Properties credentials() {
    Properties p = new Properties();
    p.setProperty("user", user);
    String pw = password != null ? password : System.getenv(PASSWORD_ENV);
    if (pw != null) {
      p.setProperty("password", pw);
    }
    return p;
  }

  private static Path historyFile() {
    return Path.of(System.getProperty("user.home"), ".cesium_history");
  }

  /** How a connection failure is shown: SQLSTATE and message, no stack trace. */
  private static String describe(SQLException e) {
    return (e.getSQLState() == null ? "" : "[" + e.getSQLState() + "] ") + e.getMessage();
  }
}
