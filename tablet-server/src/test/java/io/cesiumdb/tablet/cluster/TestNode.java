package io.cesiumdb.tablet.cluster;

import io.cesiumdb.proto.tablet.TabletServiceGrpc;
import io.cesiumdb.proto.tablet.TabletServiceGrpc.TabletServiceBlockingStub;
import io.cesiumdb.tablet.TabletServer;
import io.cesiumdb.tablet.TabletServerConfig;
import io.cesiumdb.tablet.replication.ReplicaInfo;
import io.cesiumdb.truetime.EpsilonModel;
import io.cesiumdb.truetime.SimulatedClock;
import io.cesiumdb.truetime.TimeSource;
import io.cesiumdb.truetime.TrueTime;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One in-process node: a {@link TabletServer} with its own simulated TrueTime (system reference
 * time, ε fixed at 1 ms) and its own gRPC server hosting {@code rpcService()} on loopback. Can be
 * halted abruptly and restarted from its data directory on the same ports.
 */
public final class TestNode implements AutoCloseable {
  private static final String HOST = "127.0.0.1";

  private final TabletServerConfig config;
  private final SimulatedClock clock;
  private final TrueTime trueTime;
  private TabletServer server;
  private Server grpc;
  private ManagedChannel channel;
  private int raftPort;
  private int rpcPort;

  TestNode(TabletServerConfig config) {
    this.config = config;
    this.clock = new SimulatedClock(config.nodeId(), TimeSource.system(), EpsilonModel.fixed(1000));
    this.trueTime = TrueTime.of(clock);
  }

  /** Starts (or restarts) the node on the ports it had before, free ones the first time. */
  public synchronized TestNode start() {
    server = TabletServer.start(config.withRaftPort(raftPort), trueTime);
    raftPort = server.raftPort();
    try {
      grpc =
          NettyServerBuilder.forAddress(new InetSocketAddress(HOST, rpcPort))
              .addService(server.rpcService())
              .build()
              .start();
    } catch (IOException e) {
      server.halt();
      throw new UncheckedIOException(e);
    }
    rpcPort = grpc.getPort();
    channel = NettyChannelBuilder.forAddress(HOST, rpcPort).usePlaintext().build();
    return this;
  }

  /** Stops abruptly: RPC endpoint first, then {@link TabletServer#halt()}. */
  public synchronized void halt() {
    if (server == null) {
      return;
    }
    grpc.shutdownNow();
    channel.shutdownNow();
    server.halt();
    awaitTermination();
    server = null;
  }

  /** Orderly stop. */
  @Override
  public synchronized void close() {
    if (server == null) {
      return;
    }
    grpc.shutdown();
    channel.shutdownNow();
    awaitTermination();
    server.close();
    server = null;
  }

  private void awaitTermination() {
    try {
      grpc.awaitTermination(5, TimeUnit.SECONDS);
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public String id() {
    return config.nodeId();
  }

  public synchronized boolean isRunning() {
    return server != null;
  }

  public synchronized TabletServer server() {
    if (server == null) {
      throw new IllegalStateException(id() + " is down");
    }
    return server;
  }

  public synchronized TabletServiceBlockingStub stub() {
    if (server == null) {
      throw new IllegalStateException(id() + " is down");
    }
    return TabletServiceGrpc.newBlockingStub(channel).withDeadlineAfter(15, TimeUnit.SECONDS);
  }

  /** An asynchronous stub, for tests that keep several requests in flight at once. */
  public synchronized TabletServiceGrpc.TabletServiceFutureStub futureStub() {
    if (server == null) {
      throw new IllegalStateException(id() + " is down");
    }
    return TabletServiceGrpc.newFutureStub(channel).withDeadlineAfter(15, TimeUnit.SECONDS);
  }

  /** This node's replica of a tablet, if the node is up and hosts it. */
  public synchronized Optional<ReplicaInfo> replica(long tabletId) {
    return server == null ? Optional.empty() : server.replicaInfo(tabletId);
  }

  public String raftAddress() {
    return HOST + ":" + raftPort;
  }

  public String tabletAddress() {
    return HOST + ":" + rpcPort;
  }

  public SimulatedClock clock() {
    return clock;
  }

  /** The node's TrueTime (over {@link #clock()}). */
  public TrueTime trueTime() {
    return trueTime;
  }

  public TabletServerConfig config() {
    return config;
  }
}
