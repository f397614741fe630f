package io.cesiumdb.sql.pd;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.proto.placement.GetCatalogRequest;
import io.cesiumdb.proto.placement.GetCatalogResponse;
import io.cesiumdb.proto.placement.PlacementServiceGrpc;
import io.cesiumdb.proto.placement.TableDef;
import io.cesiumdb.sql.catalog.Catalog;
import io.cesiumdb.txn.routing.PlacementCalls;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production {@link Catalog}: a cached, immutable snapshot of the placement driver's catalog,
 * kept fresh with {@code GetCatalog(known_version)} (a few bytes while nothing changed). A node's
 * sessions plan against it, so a table created through another node shows up here within one TTL,
 * and at once after DDL this node ran ({@link PdDdlExecutor} calls {@link #refresh()}).
 *
 * <p>When it refreshes:
 *
 * <ul>
 *   <li>On first use (blocking; a failure propagates: there is nothing to serve yet).
 *   <li>When the snapshot is older than the TTL: one thread refreshes while the others keep serving
 *       the snapshot they have; if the PD cannot be reached, the old snapshot stays (logged) and is
 *       tried again one TTL later.
 *   <li>{@link #refresh()}: always fetches (waits for a fetch in progress, which may have started
 *       before the change the caller wants to see); failures propagate.
 *   <li>A miss: {@link #table} not found or {@link #hasSchema} false → one refresh, then the
 *       answer. Concurrent misses share one fetch.
 * </ul>
 *
 * <p>Thread-safe: readers take the volatile snapshot and never block on each other; fetches are
 * serialized by one lock. A snapshot never goes back to an older catalog version. Fetches block the
 * calling (session) thread on the router; never call this from a router callback thread.
 */
public final class PdCatalog implements Catalog {
  /** How long a snapshot is served without asking the PD: 250 ms. */
  public static final Duration DEFAULT_TTL = Duration.ofMillis(250);

  /** How long one GetCatalog may take across retries: 5 s. */
  public static final Duration DEFAULT_FETCH_TIMEOUT = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(PdCatalog.class);

  private final PlacementCalls pd;
  private final long ttlNanos;
  private final Duration fetchTimeout;
  private final LongSupplier nanoClock;
  private final ReentrantLock fetching = new ReentrantLock();
  private volatile CatalogSnapshot snapshot;

  /** A catalog with {@link #DEFAULT_TTL} and {@link #DEFAULT_FETCH_TIMEOUT}. */
  public PdCatalog(PlacementCalls pd) {
    this(pd, DEFAULT_TTL, DEFAULT_FETCH_TIMEOUT);
  }

  /**
   * @param ttl how long a snapshot is served before the next use refreshes it
   * @param fetchTimeout the deadline of one GetCatalog, across PD members and retries
   */
  public PdCatalog(PlacementCalls pd, Duration ttl, Duration fetchTimeout) {
    this(pd, ttl, fetchTimeout, System::nanoTime);
  }

  PdCatalog(PlacementCalls pd, Duration ttl, Duration fetchTimeout, LongSupplier nanoClock) {
    if (ttl.isNegative() || fetchTimeout.isNegative() || fetchTimeout.isZero()) {
      throw new IllegalArgumentException("ttl >= 0 and fetchTimeout > 0");
    }
    this.pd = pd;
    this.ttlNanos = ttl.toNanos();
    this.fetchTimeout = fetchTimeout;
    this.nanoClock = nanoClock;
  }

  @Override
  public List<String> schemas() {
    return current().schemaNames();
  }

  @Override
  public boolean hasSchema(String schema) {
    long asked = nanoClock.getAsLong();
    return current().hasSchema(schema) || fetchedSince(asked).hasSchema(schema);
  }

  @Override
  public List<TableDef> tables(String schema) {
    return current().tables(schema);
  }

  @Override
  public Optional<TableDef> table(String schema, String name) {
    long asked = nanoClock.getAsLong();
    Optional<TableDef> hit = current().table(schema, name);
    return hit.isPresent() ? hit : fetchedSince(asked).table(schema, name);
  }

  @Override
  public long version() {
    return current().version();
  }

  /**
   * Fetches the catalog now, so that every change the PD acknowledged before this call is seen.
   *
   * @throws CesiumException {@code UNAVAILABLE} (or the PD's error) if it could not be fetched
   */
  public void refresh() {
    fetchedSince(nanoClock.getAsLong());
  }

  /** The snapshot, refreshed first if it is older than the TTL (see the class comment). */
  private CatalogSnapshot current() {
    CatalogSnapshot s = snapshot;
    long now = nanoClock.getAsLong();
    if (s == null) {
      return firstLoad();
    }
    if (now - s.fetchStartedNanos() < ttlNanos || !fetching.tryLock()) {
      return s; // fresh, or another thread is fetching: serve what we have
    }
    try {
      return fetchLocked(now - ttlNanos);
    } catch (CesiumException e) {
      LOG.warn("catalog refresh failed, serving version {}: {}", s.version(), e.getMessage());
      CatalogSnapshot retryLater = s.confirmedAt(now);
      snapshot = retryLater;
      return retryLater;
    } finally {
      fetching.unlock();
    }
  }

  private CatalogSnapshot firstLoad() {
    fetching.lock();
    try {
      CatalogSnapshot s = snapshot;
      return s != null ? s : fetchLocked(nanoClock.getAsLong());
    } finally {
      fetching.unlock();
    }
  }

  /** A snapshot from a fetch that started after {@code sinceNanos}; fetches if needed. */
  private CatalogSnapshot fetchedSince(long sinceNanos) {
    fetching.lock();
    try {
      return fetchLocked(sinceNanos);
    } finally {
      fetching.unlock();
    }
  }

  private CatalogSnapshot fetchLocked(long sinceNanos) {
    CatalogSnapshot s = snapshot;
    if (s != null && s.fetchStartedNanos() - sinceNanos > 0) {
      return s; // someone fetched after the caller asked
    }
    long started = nanoClock.getAsLong();
    GetCatalogResponse r = fetch(s == null ? 0 : s.version());
    CatalogSnapshot next;
    if (s != null && (r.getUnchanged() || r.getCatalogVersion() < s.version())) {
      next = s.confirmedAt(started);
    } else {
      next = CatalogSnapshot.of(r, started);
      LOG.debug("catalog version {}", next.version());
    }
    snapshot = next;
    return next;
  }

  private GetCatalogResponse fetch(long knownVersion) {
    Duration attempt = min(pd.config().attemptTimeout(), fetchTimeout);
    return PdFutures.await(
        pd.call(
            PlacementServiceGrpc.getGetCatalogMethod(),
            GetCatalogRequest.newBuilder().setKnownVersion(knownVersion).build(),
            GetCatalogResponse::getError,
            fetchTimeout,
            attempt));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
