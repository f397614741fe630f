package io.cesiumdb.sql.session;

/**
 * Knobs of a {@link SqlEngine}.
 *
 * @param planCacheSize compiled plans kept per engine (LRU); 0 disables caching. Default 1000.
 * @param autocommitAttempts times an autocommitted statement runs when its transaction is aborted,
 *     wounded or in conflict (40001); 1 = no retry. Default 3. Statements inside an explicit
 *     transaction are never retried: the client retries the transaction.
 */
public record SqlEngineConfig(int planCacheSize, int autocommitAttempts) {
  public SqlEngineConfig {
    if (planCacheSize < 0 || autocommitAttempts < 1) {
      throw new IllegalArgumentException("planCacheSize >= 0 and autocommitAttempts >= 1");
    }
  }

  public static SqlEngineConfig defaults() {
    return new SqlEngineConfig(1000, 3);
  }
}
