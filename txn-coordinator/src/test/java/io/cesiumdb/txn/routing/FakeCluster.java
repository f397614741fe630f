package io.cesiumdb.txn.routing;

import io.cesiumdb.proto.rpc.CallerHeaders;
import io.cesiumdb.proto.tablet.ReplicaDescriptor;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * N fake tablet replicas (n1, n2, ...) on in-process gRPC servers whose names are the replicas'
 * tablet addresses, plus routers wired to them with in-process channels. Names are unique per
 * cluster, so tests in one JVM never see each other's servers.
 */
final class FakeCluster implements AutoCloseable {
  static final long TABLET_ID = 7;
  private static final AtomicInteger CLUSTERS = new AtomicInteger();

  /** Deadlines short enough for tests, long enough for a loaded 2-core box. */
  static final RouterConfig TEST_CONFIG =
      new RouterConfig(
          Duration.ofSeconds(3),
          Duration.ofSeconds(1),
          Duration.ofMillis(2),
          Duration.ofMillis(20),
          100);

  private final List<FakeTablet> tablets = new ArrayList<>();
  private final List<Server> servers = new ArrayList<>();
  private final List<TabletRouter> routers = new ArrayList<>();

  FakeCluster(int n) {
    int id = CLUSTERS.incrementAndGet();
    for (int i = 1; i <= n; i++) {
      FakeTablet t = new FakeTablet("n" + i, "fake-" + id + "-n" + i + ":7000");
      tablets.add(t);
      servers.add(start(t));
    }
  }

  private static Server start(FakeTablet t) {
    ServerInterceptor captureCaller =
        new ServerInterceptor() {
          @Override
          public <Q, S> ServerCall.Listener<Q> interceptCall(
              ServerCall<Q, S> call, Metadata headers, ServerCallHandler<Q, S> next) {
            String caller = headers.get(CallerHeaders.CALLER_NODE);
            t.callers.add(caller == null ? "none" : caller);
            return next.startCall(call, headers);
          }
        };
    try {
      return InProcessServerBuilder.forName(t.address)
          .directExecutor()
          .addService(ServerInterceptors.intercept(t, captureCaller))
          .build()
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replica {@code i}, 1-based: node(1) is n1. */
  FakeTablet node(int i) {
    return tablets.get(i - 1);
  }

  /** Stops replica {@code i} abruptly; calls to it fail with UNAVAILABLE from then on. */
  void kill(int i) throws InterruptedException {
    Server s = servers.get(i - 1);
    s.shutdownNow();
    s.awaitTermination(5, TimeUnit.SECONDS);
  }

  /** The tablet's descriptor with the given replicas (1-based), epoch 1. */
  TabletDescriptor descriptor(int... nodes) {
    TabletDescriptor.Builder d = TabletDescriptor.newBuilder().setTabletId(TABLET_ID).setEpoch(1);
    for (int i : nodes) {
      FakeTablet t = node(i);
      d.addReplicas(replica(t));
    }
    return d.build();
  }

  /** The tablet's descriptor over every replica. */
  TabletDescriptor descriptor() {
    int[] all = new int[tablets.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i + 1;
    }
    return descriptor(all);
  }

  static ReplicaDescriptor replica(FakeTablet t) {
    return ReplicaDescriptor.newBuilder()
        .setNodeId(t.nodeId)
        .setRaftAddress(t.nodeId + ":raft")
        .setTabletAddress(t.address)
        .build();
  }

  /** A builder for a router over in-process channels, seeded, with {@link #TEST_CONFIG}. */
  TabletRouterBuilder routerBuilder() {
    return TabletRouter.builder()
        .channelFactory(InProcessChannelBuilder::forName)
        .config(TEST_CONFIG)
        .random(new Random(42));
  }

  /** A router built by {@code builder}, closed with the cluster. */
  TabletRouter router(TabletRouterBuilder builder) {
    TabletRouter r = builder.build();
    routers.add(r);
    return r;
  }

  TabletRouter router(RouterConfig config) {
    return router(routerBuilder().config(config));
  }

  TabletRouter router() {
    return router(routerBuilder());
  }

  @Override
  public void close() {
    routers.forEach(TabletRouter::close);
    try {
      for (Server s : servers) {
        s.shutdownNow();
        s.awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
