package io.cesiumdb.pd.service;

import io.cesiumdb.common.net.PortAllocator;
import io.cesiumdb.pd.cluster.LivenessPolicy;
import io.cesiumdb.pd.tabletclient.FakeTabletAdmin;
import io.cesiumdb.proto.placement.PlacementServiceGrpc;
import io.cesiumdb.proto.placement.PlacementServiceGrpc.PlacementServiceBlockingStub;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Test fixture: {@code n} placement-driver members on loopback, each with its own Ratis port and a
 * gRPC server hosting its {@code rpcService()}. Members can be halted and restarted from their data
 * dirs. Waiting is polling with a deadline, never a fixed sleep. The tablet side is one shared
 * {@link FakeTabletAdmin} (every CreateReplica and Split succeeds at once); the operator controller
 * is off; passwords are hashed with 1,000 PBKDF2 rounds.
 */
final class PdCluster implements AutoCloseable {
  static final String HOST = "127.0.0.1";

  private final Path root;
  private final List<PdPeer> peers;
  private final PlacementDriver[] members;
  private final Server[] servers;
  private final ManagedChannel[] channels;
  private final FakeTabletAdmin tablets = new FakeTabletAdmin();

  private PdCluster(Path root, int n) {
    this.root = root;
    List<PdPeer> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(
          new PdPeer(
              "pd" + (i + 1),
              HOST + ":" + PortAllocator.pick(HOST),
              HOST + ":" + PortAllocator.pick(HOST)));
    }
    this.peers = List.copyOf(list);
    this.members = new PlacementDriver[n];
    this.servers = new Server[n];
    this.channels = new ManagedChannel[n];
  }

  static PdCluster start(Path root, int n) throws IOException {
    PdCluster c = new PdCluster(root, n);
    for (int i = 0; i < n; i++) {
      c.startMember(i);
    }
    return c;
  }

  void startMember(int i) throws IOException {
    PdPeer self = peers.get(i);
    PlacementDriverConfig config =
        PlacementDriverConfig.of(
                self.nodeId(),
                HOST,
                port(self.raftAddress()),
                root.resolve(self.nodeId()),
                peers,
                PdTuning.forTests())
            // Tests join nodes once and never heartbeat: keep them UP for the test's life.
            .withLiveness(new LivenessPolicy(Duration.ofMinutes(10), Duration.ofMinutes(20)))
            // Rounds would change the directory under the tests' assertions.
            .withControllerEnabled(false)
            // PBKDF2 at the production count costs ~0.2 s a hash; the tests check behaviour.
            .withPasswordHashIterations(1_000);
    members[i] = PlacementDriver.start(config, tablets);
    servers[i] =
        NettyServerBuilder.forAddress(new InetSocketAddress(HOST, port(self.serviceAddress())))
            .addService(members[i].rpcService())
            .build()
            .start();
    if (channels[i] == null) {
      channels[i] = NettyChannelBuilder.forTarget(self.serviceAddress()).usePlaintext().build();
    }
  }

  /** Abrupt stop of member {@code i}: its gRPC server and its Raft server. */
  void halt(int i) {
    servers[i].shutdownNow();
    members[i].halt();
    members[i] = null;
  }

  /** Orderly stop of every member (data dirs kept). */
  void stopAll() throws InterruptedException {
    for (int i = 0; i < members.length; i++) {
      if (members[i] != null) {
        servers[i].shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        members[i].close();
        members[i] = null;
      }
    }
  }

  FakeTabletAdmin tablets() {
    return tablets;
  }

  int size() {
    return members.length;
  }

  PlacementDriver member(int i) {
    return members[i];
  }

  List<PlacementDriver> live() {
    List<PlacementDriver> out = new ArrayList<>();
    for (PlacementDriver m : members) {
      if (m != null) {
        out.add(m);
      }
    }
    return out;
  }

  PlacementServiceBlockingStub stub(int i) {
    return PlacementServiceGrpc.newBlockingStub(channels[i])
        .withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  int indexOf(String nodeId) {
    for (int i = 0; i < peers.size(); i++) {
      if (peers.get(i).nodeId().equals(nodeId)) {
        return i;
      }
    }
    throw new IllegalArgumentException(nodeId);
  }

  /** The index of the live member that leads and is ready to serve, waiting up to {@code max}. */
  int awaitLeader(Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    while (true) {
      Optional<Integer> leader = currentLeader();
      if (leader.isPresent()) {
        return leader.get();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no PD leader within " + max);
      }
      pause();
    }
  }

  private Optional<Integer> currentLeader() {
    for (int i = 0; i < members.length; i++) {
      if (members[i] != null && members[i].isLeader()) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  /** Waits until every live member's applied state serializes to the same bytes. */
  void awaitSameState(Duration max) {
    await(
        "all members to apply the same entries",
        max,
        () -> {
          List<PlacementDriver> live = live();
          byte[] first = live.get(0).snapshotBytes();
          return live.stream().allMatch(m -> java.util.Arrays.equals(first, m.snapshotBytes()));
        });
  }

  /** Polls {@code condition} until it holds or {@code max} passes. */
  static void await(String what, Duration max, BooleanSupplier condition) {
    long deadline = System.nanoTime() + max.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + max + " waiting for " + what);
      }
      pause();
    }
  }

  /** A poll interval (not synchronisation: every caller re-checks its condition). */
  private static void pause() {
    try {
      TimeUnit.MILLISECONDS.sleep(10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    for (int i = 0; i < members.length; i++) {
      if (members[i] != null) {
        servers[i].shutdownNow();
        members[i].halt();
        members[i] = null;
      }
    }
    for (ManagedChannel ch : channels) {
      if (ch != null) {
        ch.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  private static int port(String address) {
    return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
  }
}
