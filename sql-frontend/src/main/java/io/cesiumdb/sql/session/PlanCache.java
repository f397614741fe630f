package io.cesiumdb.sql.session;

import io.cesiumdb.sql.plan.CompiledPlan;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Compiled plans by (SQL text, default schema, catalog version), least recently used out first. The
 * catalog version is in the key, so any DDL makes every older plan unreachable (they age out) and
 * no plan outlives the table definitions it was compiled against. Parameters stay {@code ?} in the
 * text, so one plan serves every parameter value; statements with literals get a plan per distinct
 * text. Thread-safe; two sessions missing on the same key may both plan (the second result wins),
 * which costs time, never correctness.
 */
final class PlanCache {
  record Key(String sql, String schema, long catalogVersion) {}

  private final int capacity;
  private final Map<Key, CompiledPlan> plans;
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();

  PlanCache(int capacity) {
    this.capacity = capacity;
    this.plans =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, CompiledPlan> eldest) {
            return size() > PlanCache.this.capacity;
          }
        };
  }

  /** The cached plan, or null. */
  CompiledPlan get(Key key) {
    CompiledPlan p;
    synchronized (plans) {
      p = plans.get(key);
    }
    (p == null ? misses : hits).incrementAndGet();
    return p;
  }

  /** Caches {@code plan} (a no-op when the capacity is 0). */
  void put(Key key, CompiledPlan plan) {
    synchronized (plans) {
      plans.put(key, plan);
    }
  }

  long hits() {
    return hits.get();
  }

  long misses() {
    return misses.get();
  }

  int size() {
    synchronized (plans) {
      return plans.size();
    }
  }
}
