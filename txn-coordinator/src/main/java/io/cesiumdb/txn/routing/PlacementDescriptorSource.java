package io.cesiumdb.txn.routing;

import com.google.protobuf.ByteString;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.errors.ErrorDetail;
import io.cesiumdb.proto.placement.ListTabletsRequest;
import io.cesiumdb.proto.placement.ListTabletsResponse;
import io.cesiumdb.proto.placement.LookupTabletRequest;
import io.cesiumdb.proto.placement.LookupTabletResponse;
import io.cesiumdb.proto.placement.PlacementServiceGrpc;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The {@link DescriptorSource} of the descriptor-addressed path ({@link TabletRouter} used
 * directly), refreshing by tablet id: a small cache of descriptors keyed by tablet id, fed first by
 * the {@code current} descriptor a {@code TABLET_MOVED} error carries, then by {@code
 * PlacementService} (ListTablets of the tablet's table, falling back to LookupTablet of its start
 * key). {@link TabletRouterBuilder#placementAddresses} makes it the router's default. Key-addressed
 * callers use {@link KeyRouter}, which re-resolves by key instead (see {@link DescriptorSource}).
 * PD calls start at the last member that answered, follow NOT_LEADER hints and try the other
 * members; each has a deadline. One small daemon pool; channels closed with the source.
 */
public final class PlacementDescriptorSource implements DescriptorSource, AutoCloseable {
  private final List<String> members;
  private final Duration callDeadline;
  private final Map<Long, TabletDescriptor> cache = new ConcurrentHashMap<>();
  private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();
  private final ExecutorService pool;
  private volatile String target;
  private volatile boolean closed;

  /**
   * @param pdAddresses host:port of the PlacementService of one or more PD members
   * @param callDeadline deadline of each PD call
   */
  public PlacementDescriptorSource(List<String> pdAddresses, Duration callDeadline) {
    if (pdAddresses.isEmpty()) {
      throw new IllegalArgumentException("no placement driver address");
    }
    this.members = List.copyOf(pdAddresses);
    this.callDeadline = callDeadline;
    this.pool =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "cesium-pd-descriptors");
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  public CompletableFuture<TabletDescriptor> refresh(
      TabletDescriptor stale, CesiumException reason) {
    ErrorDetails.currentDescriptor(reason)
        .filter(c -> c.getTabletId() == stale.getTabletId() && c.getReplicasCount() > 0)
        .ifPresent(this::remember); // the replica's own view: authoritative for its tablet id
    TabletDescriptor cached = cache.get(stale.getTabletId());
    if (cached != null && cached.getEpoch() > stale.getEpoch()) {
      return CompletableFuture.completedFuture(cached);
    }
    try {
      return CompletableFuture.supplyAsync(() -> fetch(stale), pool);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** The tablet holding {@code key} of {@code keyspace}, from the cache or the PD (blocking). */
  public TabletDescriptor lookup(long keyspace, ByteString key) {
    for (TabletDescriptor d : cache.values()) {
      if (d.getKeyspace() == keyspace && covers(d, key)) {
        return d;
      }
    }
    LookupTabletResponse r =
        call(
            s ->
                s.lookupTablet(
                    LookupTabletRequest.newBuilder().setKeyspace(keyspace).setKey(key).build()),
            LookupTabletResponse::getError);
    remember(r.getTablet());
    return r.getTablet();
  }

  /** What the cache holds for this tablet. */
  public Optional<TabletDescriptor> cached(long tabletId) {
    return Optional.ofNullable(cache.get(tabletId));
  }

  private TabletDescriptor fetch(TabletDescriptor stale) {
    ListTabletsResponse listed =
        call(
            s ->
                s.listTablets(
                    ListTabletsRequest.newBuilder().setTableId(stale.getKeyspace()).build()),
            ListTabletsResponse::getError);
    listed.getTabletsList().forEach(this::remember);
    TabletDescriptor current = cache.get(stale.getTabletId());
    if (current != null) {
      return current;
    }
    // The tablet id is gone (split or merged away): the tablet now holding its start key.
    LookupTabletResponse found =
        call(
            s ->
                s.lookupTablet(
                    LookupTabletRequest.newBuilder()
                        .setKeyspace(stale.getKeyspace())
                        .setKey(stale.getStartKey())
                        .build()),
            LookupTabletResponse::getError);
    remember(found.getTablet());
    return found.getTablet();
  }

  private void remember(TabletDescriptor d) {
    cache.merge(d.getTabletId(), d, (old, neu) -> neu.getEpoch() >= old.getEpoch() ? neu : old);
  }

  private static boolean covers(TabletDescriptor d, ByteString key) {
    return ByteString.unsignedLexicographicalComparator().compare(d.getStartKey(), key) <= 0
        && (d.getEndKey().isEmpty()
            || ByteString.unsignedLexicographicalComparator().compare(key, d.getEndKey()) < 0);
  }

  private <T> T call(
      Function<PlacementServiceGrpc.PlacementServiceBlockingStub, T> rpc,
      Function<T, ErrorDetail> error) {
    String last = "no attempt";
    String address = target != null ? target : members.get(0);
    for (int i = 0; i < members.size() * 2 + 1 && !closed; i++) {
      try {
        T response =
            rpc.apply(
                PlacementServiceGrpc.newBlockingStub(channel(address))
                    .withDeadlineAfter(callDeadline.toMillis(), TimeUnit.MILLISECONDS));
        ErrorDetail e = error.apply(response);
        if (e.getCode().isEmpty()) {
          target = address;
          return response;
        }
        last = e.getCode() + " " + e.getMessage();
        String hint = e.hasNotLeader() ? e.getNotLeader().getLeaderAddress() : "";
        address = hint.isEmpty() ? members.get((i + 1) % members.size()) : hint;
      } catch (RuntimeException e) {
        last = address + ": " + e.getMessage();
        address = members.get((i + 1) % members.size());
      }
    }
    throw new CesiumException(ErrorCode.UNAVAILABLE, "placement driver unreachable: " + last);
  }

  private ManagedChannel channel(String address) {
    return channels.computeIfAbsent(
        address, a -> Grpc.newChannelBuilder(a, InsecureChannelCredentials.create()).build());
  }

  @Override
  public void close() {
    closed = true;
    pool.shutdownNow();
    channels.values().forEach(ManagedChannel::shutdownNow);
    channels.clear();
  }
}
