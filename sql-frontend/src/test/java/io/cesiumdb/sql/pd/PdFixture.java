package io.cesiumdb.sql.pd;

import io.cesiumdb.sql.exec.InMemoryKvStore;
import io.cesiumdb.sql.session.SqlEngine;
import io.cesiumdb.txn.routing.KeyRouter;
import io.cesiumdb.txn.routing.PlacementCalls;
import io.cesiumdb.txn.routing.RouterConfig;
import io.grpc.inprocess.InProcessChannelBuilder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link FakePlacementDriver}, a key router pointed at it (in-process channels), and {@link
 * PdCatalog}s on a manual nanosecond clock: tests move time with {@link #advance}.
 */
final class PdFixture implements AutoCloseable {
  static final Duration TTL = Duration.ofMillis(250);

  /** Short enough that a "PD down" test ends fast, long enough for a loaded 2-core box. */
  static final RouterConfig CONFIG =
      new RouterConfig(
          Duration.ofSeconds(1),
          Duration.ofMillis(500),
          Duration.ofMillis(2),
          Duration.ofMillis(20),
          100);

  final FakePlacementDriver pd = new FakePlacementDriver();
  final KeyRouter router =
      KeyRouter.builder()
          .placementAddresses(List.of(pd.address))
          .channelFactory(InProcessChannelBuilder::forName)
          .config(CONFIG)
          .build();
  final AtomicLong nanos = new AtomicLong(1_000_000_000L);

  PlacementCalls calls() {
    return router.placement();
  }

  /** A catalog with {@link #TTL} on the fixture's clock; fetches give up after 300 ms. */
  PdCatalog catalog() {
    return new PdCatalog(calls(), TTL, Duration.ofMillis(300), nanos::get);
  }

  /** An engine over memory with a PD catalog and DDL executor (1 s per DDL call). */
  SqlEngine engine(PdCatalog catalog) {
    PdDdlExecutor ddl = new PdDdlExecutor(calls(), catalog, Duration.ofSeconds(1));
    return new SqlEngine(catalog, ddl, new InMemoryKvStore());
  }

  void advance(Duration d) {
    nanos.addAndGet(d.toNanos());
  }

  @Override
  public void close() {
    router.close();
    pd.close();
  }
}
