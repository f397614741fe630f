package io.cesiumdb.server.workload;

import io.cesiumdb.server.workload.history.Op;

/**
 * How a write ended when it did not throw: ok with a value, or a definite failure (e.g. a transfer
 * skipped because it would overdraw, or still aborted after its retries).
 *
 * @param type {@code OK} or {@code FAIL}
 * @param value the completion's value (may be null)
 * @param error why it failed, or null
 */
public record Outcome(Op.Type type, Object value, String error) {

  /** The write took effect. */
  public static Outcome ok(Object value) {
    return new Outcome(Op.Type.OK, value, null);
  }

  /** The write certainly did not take effect. */
  public static Outcome fail(String error) {
    return new Outcome(Op.Type.FAIL, null, error);
  }
}
