package io.cesiumdb.server.workload;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Prepared statements kept per connection, so a worker prepares each statement once (one round trip
 * and one plan) rather than once per op. A connection's entries go when it is collected.
 */
public final class StatementCache {
  private static final Map<Connection, Map<String, PreparedStatement>> CACHE =
      Collections.synchronizedMap(new WeakHashMap<>());

  private StatementCache() {}

  /** The prepared {@code sql} on {@code c}, prepared now when it is the first time. */
  public static PreparedStatement prepare(Connection c, String sql) throws SQLException {
    Map<String, PreparedStatement> mine = CACHE.computeIfAbsent(c, k -> new HashMap<>());
    PreparedStatement ps = mine.get(sql);
    if (ps == null || ps.isClosed()) {
      ps = c.prepareStatement(sql);
      mine.put(sql, ps);
    }
    return ps;
  }
}
