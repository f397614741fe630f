package io.cesiumdb.server.workload;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything one workload run needs; {@link #builder} gives the documented defaults (those of
 * {@code cesium workload}).
 *
 * @param workload {@code bank}, {@code realtime} or {@code monotonic}
 * @param url JDBC URL, {@code jdbc:cesium://host:port[,host:port...]/}; workers spread their
 *     connections over the hosts
 * @param user user name
 * @param password password (may be null)
 * @param duration how long the measured part runs
 * @param warmup how long ops run before the measured part (not in the statistics, no nemesis)
 * @param writers writer processes
 * @param readers reader processes
 * @param accounts bank: number of accounts
 * @param total bank: total balance; 0 = 10 per account
 * @param tables realtime: number of tables
 * @param keys monotonic: number of counters
 * @param nemesisInterval length of each healthy and each faulty window
 * @param history where to write the history (JSON lines), or null
 * @param plot where to write the PNG plot, or null
 * @param seed random seed of the op mix and the nemeses
 * @param fresh drop and recreate the workload's tables first
 * @param opTimeout deadline of every JDBC call (the driver's {@code callTimeoutMs})
 * @param finalReadTimeout how long the final read may keep retrying after the nemesis healed
 * @param timestamps stamp every ok op in the history with its commit or snapshot timestamp (one
 *     more statement per op: off for speed runs)
 */
public record WorkloadSpec(
    String workload,
    String url,
    String user,
    String password,
    Duration duration,
    Duration warmup,
    int writers,
    int readers,
    int accounts,
    long total,
    int tables,
    int keys,
    Duration nemesisInterval,
    Path history,
    Path plot,
    long seed,
    boolean fresh,
    Duration opTimeout,
    Duration finalReadTimeout,
    boolean timestamps) {

  public WorkloadSpec {
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(user, "user");
    positive("writers", writers);
    positive("readers", readers);
    positive("accounts", accounts < 2 ? 0 : accounts);
    positive("tables", tables);
    positive("keys", keys);
    if (duration.isNegative() || duration.isZero() || nemesisInterval.isZero()) {
      throw new IllegalArgumentException("duration and nemesis interval must be positive");
    }
  }

  /** The bank's total: {@link #total}, or 10 per account when it is 0. */
  public long bankTotal() {
    return total > 0 ? total : 10L * accounts;
  }

  private static void positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive (accounts at least 2)");
    }
  }

  /** A builder with the command's defaults. */
  public static Builder builder(String workload) {
    return new Builder(workload);
  }

  /** Fills a {@link WorkloadSpec}; every setter has the command line's default. */
  public static final class Builder {
    private final String workload;
    private String url = "jdbc:cesium://127.0.0.1:7101/";
    private String user = "cesium";
    private String password;
    private Duration duration = Duration.ofSeconds(30);
    private Duration warmup = Duration.ZERO;
    private int writers = 8;
    private int readers = 2;
    private int accounts = 100;
    private long total;
    private int tables = 8;
    private int keys = 8;
    private Duration nemesisInterval = Duration.ofSeconds(5);
    private Path history;
    private Path plot;
    private long seed = 1;
    private boolean fresh;
    private Duration opTimeout = Duration.ofSeconds(10);
    private Duration finalReadTimeout = Duration.ofSeconds(60);
    private boolean timestamps;

    private Builder(String workload) {
      this.workload = workload;
    }

    public Builder url(String v) {
      url = v;
      return this;
    }

    public Builder credentials(String u, String p) {
      user = u;
      password = p;
      return this;
    }

    public Builder duration(Duration v) {
      duration = v;
      return this;
    }

    public Builder warmup(Duration v) {
      warmup = v;
      return this;
    }

    public Builder processes(int writerCount, int readerCount) {
      writers = writerCount;
      readers = readerCount;
      return this;
    }

    public Builder accounts(int count, long totalBalance) {
      accounts = count;
      total = totalBalance;
      return this;
    }

    public Builder tables(int v) {
      tables = v;
      return this;
    }

    public Builder keys(int v) {
      keys = v;
      return this;
    }

    public Builder nemesisInterval(Duration v) {
      nemesisInterval = v;
      return this;
    }

    public Builder output(Path historyFile, Path plotFile) {
      history = historyFile;
      plot = plotFile;
      return this;
    }

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    public Builder fresh(boolean v) {
      fresh = v;
      return this;
    }

    public Builder timeouts(Duration op, Duration finalRead) {
      opTimeout = op;
      finalReadTimeout = finalRead;
      return this;
    }

    public Builder timestamps(boolean v) {
      timestamps = v;
      return this;
    }

    public WorkloadSpec build() {
      return new WorkloadSpec(
          workload,
          url,
          user,
          password,
          duration,
          warmup,
          writers,
          readers,
          accounts,
          total,
          tables,
          keys,
          nemesisInterval,
          history,
          plot,
          seed,
          fresh,
          opTimeout,
          finalReadTimeout,
          timestamps);
    }
  }
}
