package io.cesiumdb.server.workload.history;

/**
 * One line of a history: a process invoked an operation, or the operation completed.
 *
 * @param process the worker that ran it; {@link #NEMESIS} for fault injection, {@link #FINAL} for
 *     the read after the run
 * @param type invoke, or how it completed
 * @param f what the operation is ({@code transfer}, {@code read}, {@code insert}, ...)
 * @param value the arguments (invoke) or the result (ok); a {@code Map}, {@code long[]}, {@code
 *     Number}, {@code String} or null, so {@link HistoryWriter} can write it
 * @param timeNanos nanoseconds since the run started
 * @param latencyNanos for a completion, nanoseconds since its invocation; 0 for an invocation
 * @param error why it failed, or null
 * @param dbTs the database's timestamp of an ok completion, when the run records them: a write's
 *     commit timestamp, a read's snapshot timestamp (TrueTime microseconds); 0 = not recorded
 */
public record Op(
    int process,
    Type type,
    String f,
    Object value,
    long timeNanos,
    long latencyNanos,
    String error,
    long dbTs) {

  /** An op without a database timestamp. */
  public Op(
      int process,
      Type type,
      String f,
      Object value,
      long timeNanos,
      long latencyNanos,
      String error) {
    this(process, type, f, value, timeNanos, latencyNanos, error, 0);
  }

  /** The process id of the nemesis. */
  public static final int NEMESIS = -1;

  /** The process id of the final read, after the nemesis healed. */
  public static final int FINAL = -2;

  /** Jepsen's op types. */
  public enum Type {
    /** The operation starts. */
    INVOKE,
    /** It took effect (a read returned this value). */
    OK,
    /** It certainly did not take effect. */
    FAIL,
    /** Unknown: it may or may not have taken effect (connection lost at commit, timeout). */
    INFO;

    /** The name in the history file. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** This op with the database's timestamp {@code ts}. */
  public Op withDbTs(long ts) {
    return new Op(process, type, f, value, timeNanos, latencyNanos, error, ts);
  }

  /** Whether this is a completion (ok, fail or info). */
  public boolean isCompletion() {
    return type != Type.INVOKE;
  }

  /** Whether this op belongs to a client (not the nemesis). */
  public boolean isClient() {
    return process != NEMESIS;
  }
}
