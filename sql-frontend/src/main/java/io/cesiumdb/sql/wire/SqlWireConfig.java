package io.cesiumdb.sql.wire;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a node's SQL endpoint.
 *
 * @param nodeAddress how clients reach this node ({@code host:port}); error responses carry it, so
 *     a client's {@code AvaticaSqlException.getRemoteServer()} names the node that failed
 * @param idleTimeout connections unused this long are closed server-side (the client then gets
 *     SQLSTATE 08003 and reconnects); default {@link #DEFAULT_IDLE_TIMEOUT}
 */
public record SqlWireConfig(String nodeAddress, Duration idleTimeout) {
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(30);

  public SqlWireConfig {
    Objects.requireNonNull(nodeAddress, "nodeAddress");
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idleTimeout must be positive: " + idleTimeout);
    }
  }

  /** The defaults for a node reachable at {@code nodeAddress}. */
  public static SqlWireConfig defaults(String nodeAddress) {
    return new SqlWireConfig(nodeAddress, DEFAULT_IDLE_TIMEOUT);
  }
}
