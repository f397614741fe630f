package io.cesiumdb.sql.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Avatica connection ids this node has authenticated, with when each was last used. Ids are
 * chosen by the client (random UUIDs) and are meaningful on this node only: a client that turns to
 * another node finds its id unknown there and must reconnect.
 *
 * <p>Thread-safe. Times are {@code System.nanoTime} readings.
 */
final class SessionRegistry {
  private final ConcurrentHashMap<String, Long> lastUsedNanos = new ConcurrentHashMap<>();

  /** Records an authenticated connection. */
  void open(String connectionId, long nowNanos) {
    lastUsedNanos.put(connectionId, nowNanos);
  }

  /** True when {@code connectionId} is open here; marks it used. */
  boolean touch(String connectionId, long nowNanos) {
    return connectionId != null
        && lastUsedNanos.computeIfPresent(connectionId, (id, last) -> nowNanos) != null;
  }

  /** Forgets a connection; later requests on it are refused. */
  void close(String connectionId) {
    if (connectionId != null) {
      lastUsedNanos.remove(connectionId);
    }
  }

  /** Removes and returns the connections unused for longer than {@code idleNanos}. */
  List<String> expire(long nowNanos, long idleNanos) {
    List<String> expired = new ArrayList<>();
    lastUsedNanos.forEach(
        (id, last) -> {
          if (nowNanos - last > idleNanos && lastUsedNanos.remove(id, last)) {
            expired.add(id);
          }
        });
    return expired;
  }

  int size() {
    return lastUsedNanos.size();
  }
}
