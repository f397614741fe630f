package io.cesiumdb.txn.routing;

import com.google.protobuf.ByteString;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The authority {@link KeyRouter} asks when its {@link TabletDirectoryCache} misses or turned out
 * stale: "which tablet holds this key now?". Production: {@link PlacementDirectory} (the placement
 * driver's directory over gRPC). Tests may pass a lambda.
 *
 * <p>Contract: never throws, fails the future instead ({@code UNAVAILABLE} when the authority could
 * not be reached within {@code timeout}). An answer may lag behind a split the tablets already
 * applied; the router checks that the answer covers the key and asks again (with backoff) if not.
 */
@FunctionalInterface
public interface TabletDirectory extends AutoCloseable {

  /** The tablet of {@code keyspace} whose range holds {@code key}. */
  CompletableFuture<TabletDescriptor> lookup(long keyspace, ByteString key, Duration timeout);

  /** Every tablet of one table, in key order. Default: unsupported (fails the future). */
  default CompletableFuture<List<TabletDescriptor>> list(long keyspace, Duration timeout) {
    return CompletableFuture.failedFuture(
        new UnsupportedOperationException("this directory cannot list tablets"));
  }

  /** Releases channels and threads, if any. */
  @Override
  default void close() {}
}
