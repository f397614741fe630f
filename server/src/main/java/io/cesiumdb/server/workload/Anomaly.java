package io.cesiumdb.server.workload;

/**
 * One thing a checker found wrong in a history.
 *
 * @param type a short stable name ({@code wrong-total}, {@code causal-reverse}, ...)
 * @param description what was seen, with op times, so it can be found in the history file
 */
public record Anomaly(String type, String description) {
  @Override
  public String toString() {
    return type + ": " + description;
  }
}
