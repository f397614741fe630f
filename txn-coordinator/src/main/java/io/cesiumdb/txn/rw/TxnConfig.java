package io.cesiumdb.txn.rw;

import java.time.Duration;
import java.util.UUID;

/**
 * Knobs of the read-write transaction client ({@link Transactions}).
 *
 * @param clientId first part of every transaction id ({@code <client id>-<priority>-<counter>});
 *     unique per client process, not empty; default a random 12-hex string
 * @param keepaliveInterval how often an open transaction touches its participants' leaders (2 s; a
 *     leader aborts a transaction idle for 10 s)
 * @param retryAttempts attempts of {@link Transactions#retry} before it gives up (10)
 * @param retryDeadline time {@link Transactions#retry} may spend in all (30 s)
 * @param retryBackoffBase first pause between attempts (5 ms), doubled each attempt
 * @param retryBackoffMax cap of the pause (200 ms)
 */
public record TxnConfig(
    String clientId,
    Duration keepaliveInterval,
    int retryAttempts,
    Duration retryDeadline,
    Duration retryBackoffBase,
    Duration retryBackoffMax) {

  public TxnConfig {
    if (clientId == null || clientId.isEmpty()) {
      throw new IllegalArgumentException("clientId is required");
    }
    if (keepaliveInterval.isNegative() || keepaliveInterval.isZero()) {
      throw new IllegalArgumentException("keepaliveInterval must be positive");
    }
    if (retryAttempts < 1) {
      throw new IllegalArgumentException("retryAttempts must be >= 1");
    }
    if (retryBackoffBase.isNegative() || retryBackoffMax.compareTo(retryBackoffBase) < 0) {
      throw new IllegalArgumentException("need 0 <= retryBackoffBase <= retryBackoffMax");
    }
  }

  /** The defaults, with a random client id. */
  public static TxnConfig defaults() {
    return new TxnConfig(
        UUID.randomUUID().toString().replace("-", "").substring(0, 12),
        Duration.ofSeconds(2),
        10,
        Duration.ofSeconds(30),
        Duration.ofMillis(5),
        Duration.ofMillis(200));
  }

  public TxnConfig withClientId(String id) {
    return new TxnConfig(
        id, keepaliveInterval, retryAttempts, retryDeadline, retryBackoffBase, retryBackoffMax);
  }

  public TxnConfig withKeepaliveInterval(Duration d) {
    return new TxnConfig(
        clientId, d, retryAttempts, retryDeadline, retryBackoffBase, retryBackoffMax);
  }

  public TxnConfig withRetry(int attempts, Duration deadline) {
    return new TxnConfig(
        clientId, keepaliveInterval, attempts, deadline, retryBackoffBase, retryBackoffMax);
  }

  public TxnConfig withRetryBackoff(Duration base, Duration max) {
    return new TxnConfig(clientId, keepaliveInterval, retryAttempts, retryDeadline, base, max);
  }
}
