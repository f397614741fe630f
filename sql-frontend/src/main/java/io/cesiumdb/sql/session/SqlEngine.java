package io.cesiumdb.sql.session;

import io.cesiumdb.sql.catalog.Catalog;
import io.cesiumdb.sql.ddl.DdlExecutor;
import io.cesiumdb.sql.exec.KvStore;
import io.cesiumdb.sql.plan.CompiledPlan;
import io.cesiumdb.sql.plan.StatementPlanner;
import io.cesiumdb.truetime.TimeSource;
import org.apache.calcite.sql.SqlNode;

/**
 * The SQL front end of one node: what every {@link SqlSession} shares — the catalog to plan
 * against, the DDL executor, the KV store transactions come from, the planner and the plan cache.
 * Thread-safe; build one per node (the server's composition root) and open a session per client
 * connection.
 */
public final class SqlEngine {
  private final Catalog catalog;
  private final DdlExecutor ddl;
  private final KvStore store;
  private final TimeSource time;
  private final SqlEngineConfig config;
  private final StatementPlanner planner;
  private final PlanCache cache;

  public SqlEngine(Catalog catalog, DdlExecutor ddl, KvStore store) {
    this(catalog, ddl, store, TimeSource.system(), SqlEngineConfig.defaults());
  }

  public SqlEngine(
      Catalog catalog, DdlExecutor ddl, KvStore store, TimeSource time, SqlEngineConfig config) {
    this.catalog = catalog;
    this.ddl = ddl;
    this.store = store;
    this.time = time;
    this.config = config;
    this.planner = new StatementPlanner(catalog);
    this.cache = new PlanCache(config.planCacheSize());
  }

  /** A new session (one per connection), in autocommit mode, default schema {@code PUBLIC}. */
  public SqlSession openSession() {
    return new SqlSession(this);
  }

  /** Plans built so far (plan-cache misses that planned): for tests and metrics. */
  public long plansBuilt() {
    return planner.plansBuilt();
  }

  /** Plan-cache hits so far. */
  public long planCacheHits() {
    return cache.hits();
  }

  /** The catalog this engine plans against (metadata calls read it too). */
  public Catalog catalog() {
    return catalog;
  }

  DdlExecutor ddl() {
    return ddl;
  }

  KvStore store() {
    return store;
  }

  SqlEngineConfig config() {
    return config;
  }

  /** The statement's CURRENT_TIMESTAMP: now, in millis since the epoch. */
  long statementMillis() {
    return time.nowMicros() / 1000;
  }

  /** The cached plan of {@code sql} for the current catalog, or null. */
  CompiledPlan cached(String sql, String schema) {
    return cache.get(new PlanCache.Key(sql, schema, catalog.version()));
  }

  /**
   * The plan of {@code node} (parsed from {@code sql}) from the cache or built now. A plan built
   * while the catalog changed underneath is used but not cached under the older version.
   */
  CompiledPlan plan(String sql, SqlNode node, String schema) {
    long version = catalog.version();
    PlanCache.Key key = new PlanCache.Key(sql, schema, version);
    CompiledPlan cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    CompiledPlan plan = planner.plan(node, schema);
    if (catalog.version() == version) {
      cache.put(key, plan);
    }
    return plan;
  }
}
