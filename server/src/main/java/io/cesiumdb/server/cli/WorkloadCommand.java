package io.cesiumdb.server.cli;

import io.cesiumdb.server.workload.Connections;
import io.cesiumdb.server.workload.Sql;
import io.cesiumdb.server.workload.WorkloadResult;
import io.cesiumdb.server.workload.WorkloadRunner;
import io.cesiumdb.server.workload.WorkloadSpec;
import io.cesiumdb.server.workload.Workloads;
import io.cesiumdb.server.workload.nemesis.Nemeses;
import io.cesiumdb.server.workload.nemesis.Nemesis;
import io.cesiumdb.server.workload.nemesis.NemesisTarget;
import io.cesiumdb.server.workload.report.Summary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cesium workload bank|realtime|monotonic}: a Jepsen-style consistency workload through the
 * JDBC driver against any cluster, with optional nemeses; prints throughput, retries, latencies and
 * the checker's verdict, writes the history and a plot. Exit codes: 0 valid, 1 anomaly found, 2 bad
 * options or an error (no connection, setup failed).
 */
@Command(
    name = "workload",
    description = {
      "Run a consistency workload (bank, realtime, monotonic) through JDBC, check its history,"
          + " print the verdict; exit 0 valid, 1 anomaly, 2 error.",
    })
public final class WorkloadCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "bank, realtime or monotonic.")
  String workload;

  @Option(
      names = "--url",
      defaultValue = SqlCommand.DEFAULT_URL,
      description = "JDBC URL jdbc:cesium://host:port[,host:port...]/ (default: ${DEFAULT-VALUE}).")
  String url;

  @Option(
      names = {"-u", "--user"},
      defaultValue = "cesium",
      description = "User (default: ${DEFAULT-VALUE}).")
  String user;

  @Option(
      names = {"-p", "--password"},
      description =
          "Password (default: the "
              + SqlCommand.PASSWORD_ENV
              + " environment variable, else the password `cesium demo` saved in"
              + " ./cesium-data/"
              + DemoCredentials.FILE
              + ").")
  String password;

  @Option(
      names = "--duration",
      defaultValue = "30s",
      converter = DurationConverter.class,
      description = "Measured run time: 500ms, 30s, 2m (default: ${DEFAULT-VALUE}).")
  Duration duration;

  @Option(
      names = "--warmup",
      defaultValue = "0s",
      converter = DurationConverter.class,
      description = "Ops before the measured part, no nemesis (default: ${DEFAULT-VALUE}).")
  Duration warmup;

  @Option(names = "--threads", defaultValue = "8", description = "Writers (default: 8).")
  int threads;

  @Option(names = "--readers", defaultValue = "2", description = "Readers (default: 2).")
  int readers;

  @Option(names = "--accounts", defaultValue = "100", description = "bank: accounts (100).")
  int accounts;

  @Option(
      names = "--total",
      defaultValue = "0",
      description = "bank: total balance (default: 10 per account).")
  long total;

  @Option(names = "--tables", defaultValue = "8", description = "realtime: tables (8).")
  int tables;

  @Option(names = "--keys", defaultValue = "8", description = "monotonic: counters (8).")
  int keys;

  @Option(
      names = "--nemesis",
      defaultValue = "none",
      description = "Faults, comma-separated; one per faulty window in rotation (default: none).")
  String nemesis;

  @Option(
      names = "--nemesis-interval",
      defaultValue = "5s",
      converter = DurationConverter.class,
      description = "Length of each healthy and each faulty window (default: ${DEFAULT-VALUE}).")
  Duration nemesisInterval;

  @Option(
      names = "--op-timeout",
      defaultValue = "10s",
      converter = DurationConverter.class,
      description = "Deadline of every JDBC call (default: ${DEFAULT-VALUE}).")
  Duration opTimeout;

  @Option(names = "--history", description = "History file (default: cesium-workload-NAME.jsonl).")
  Path history;

  @Option(names = "--plot", description = "PNG plot (default: cesium-workload-NAME.png).")
  Path plot;

  @Option(names = "--seed", description = "Random seed (default: random, printed).")
  Long seed;

  @Option(names = "--fresh", description = "Drop and recreate the workload's tables first.")
  boolean fresh;

  @Option(
      names = "--timestamps",
      description =
          "Record each ok op's commit or snapshot timestamp in the history (db_ts; one more"
              + " statement per op).")
  boolean timestamps;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      WorkloadSpec ws = workloadSpec();
      Workloads.create(ws);
      List<Nemesis> nemeses =
          Nemeses.parse(
              nemesis, new NemesisTarget(Connections.hosts(url), Optional.empty(), ws.seed()));
      out.println(
          "running "
              + workload
              + " for "
              + duration
              + " against "
              + url
              + ", seed "
              + ws.seed()
              + ", nemesis "
              + nemesis);
      out.flush();
      WorkloadResult result = WorkloadRunner.run(ws, nemeses);
      String writeF = Workloads.create(ws).writeF();
      Summary.lines(result, writeF).forEach(out::println);
      out.flush();
      return result.valid() ? 0 : 1;
    } catch (IllegalArgumentException e) {
      err.println("workload: " + e.getMessage());
      return 2;
    } catch (RuntimeException e) {
      err.println("workload failed: " + Sql.describe(e));
      return 2;
    }
  }

  WorkloadSpec workloadSpec() {
    String pw = password != null ? password : System.getenv(SqlCommand.PASSWORD_ENV);
    if (pw == null) {
      pw = DemoCredentials.read(Path.of("cesium-data")).orElse(null);
    }
    long s = seed != null ? seed : System.nanoTime();
    return WorkloadSpec.builder(workload)
        .url(url)
        .credentials(user, pw)
        .duration(duration)
        .warmup(warmup)
        .processes(threads, readers)
        .accounts(accounts, total)
        .tables(tables)
        .keys(keys)
        .nemesisInterval(nemesisInterval)
        .output(
            history != null ? history : Path.of("cesium-workload-" + workload + ".jsonl"),
            plot != null ? plot : Path.of("cesium-workload-" + workload + ".png"))
        .seed(s)
        .fresh(fresh)
        .timestamps(timestamps)
        .timeouts(opTimeout, Duration.ofSeconds(60))
        .build();
  }

  /** Parses {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h} (a bare number is seconds). */
  public static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern FORMAT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    @Override
    public Duration convert(String value) {
      Matcher m = FORMAT.matcher(value.trim().toLowerCase(Locale.ROOT));
      if (!m.matches()) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a duration like 500ms, 30s, 2m or 1h");
      }
      long n = Long.parseLong(m.group(1));
      String unit = m.group(2) == null ? "s" : m.group(2);
      return switch (unit) {
        case "ms" -> Duration.ofMillis(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofSeconds(n);
      };
    }
  }
}
