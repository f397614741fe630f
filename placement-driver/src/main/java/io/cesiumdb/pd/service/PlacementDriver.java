package io.cesiumdb.pd.service;

import com.google.protobuf.ByteString;
import io.cesiumdb.common.concurrent.NamedThreads;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.common.error.RetryHint;
import io.cesiumdb.pd.controller.LeaderContext;
import io.cesiumdb.pd.controller.OperatorController;
import io.cesiumdb.pd.controller.SplitFlow;
import io.cesiumdb.pd.controller.TabletOperatorExecutor;
import io.cesiumdb.pd.meta.MetaResult;
import io.cesiumdb.pd.meta.MetaState;
import io.cesiumdb.pd.tabletclient.GrpcTabletAdmin;
import io.cesiumdb.pd.tabletclient.TabletAdmin;
import io.cesiumdb.proto.placement.MetaCommand;
import io.grpc.BindableService;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientAsynchronousProtocol;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.storage.RaftStorage.StartupOption;
import org.apache.ratis.thirdparty.com.google.protobuf.UnsafeByteOperations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One member of the placement driver: its own Ratis server (own port) hosting the one PD group
 * {@link #GROUP_ID} with a {@link PdStateMachine}, and the {@code PlacementService} handlers over
 * it ({@link #rpcService()}).
 *
 * <p>Writes are {@code MetaCommand}s submitted to the local division (no {@code RaftClient}: the
 * handler runs on the member it asks); at a follower they fail fast with NOT_LEADER naming the
 * leader. Reads are served at the leader, once it is ready, from applied state. Threads added to
 * Ratis' own: a small worker pool (continuations, reads) and one DDL thread (placement decisions
 * are serialized so two CreateTables never place from the same view).
 *
 * <p>With a {@link TabletAdmin} (what a node runs: {@link #start(PlacementDriverConfig, boolean)}
 * with {@code true}, or {@link #start(PlacementDriverConfig, TabletAdmin)}), the leader also acts
 * on the tablets: CreateTable creates the replicas, SplitTablet splits through {@link SplitFlow},
 * and, unless disabled in the config, an {@link OperatorController} repairs, balances and
 * auto-splits. Its actions run on one more cached pool of worker threads.
 */
public final class PlacementDriver implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PlacementDriver.class);

  /** The placement driver's one Raft group, the same on every cluster. */
  public static final RaftGroupId GROUP_ID =
      RaftGroupId.valueOf(UUID.fromString("ce51d0b0-0000-4000-8000-00000000d001"));

  private final PlacementDriverConfig config;
  private final PdStateMachine stateMachine;
  private final RaftServer server;
  private final ExecutorService worker;
  private final ExecutorService ddl;
  private final ClientId clientId = ClientId.randomId();
  private final AtomicLong callIds = new AtomicLong();
  private final PlacementServiceImpl service;
  private final TabletAdmin tablets; // null = directory only
  private final ExecutorService actions;
  private final ReplicaCreator replicas;
  private final SplitFlow splits;
  private final OperatorController controller;
  private final LeaderBootstrap bootstrap;
  private final Credentials credentials;
  private volatile RaftServer.Division division;
  private volatile boolean closed;

  private PlacementDriver(PlacementDriverConfig config, TabletAdmin tablets) throws IOException {
    this.config = config;
    this.tablets = tablets;
    this.stateMachine = new PdStateMachine();
    this.bootstrap = new LeaderBootstrap(this, stateMachine);
    stateMachine.onLeaderReady(bootstrap::onLeaderReady);
    String node = config.nodeId();
    this.credentials = new Credentials(node, config.passwordHashIterations());
    this.worker =
        Executors.newFixedThreadPool(2, new NamedThreads("cesium-" + node + "-pd-worker"));
    this.ddl = Executors.newSingleThreadExecutor(new NamedThreads("cesium-" + node + "-pd-ddl"));
    List<RaftPeer> peers =
        config.peers().stream()
            .map(p -> RaftPeer.newBuilder().setId(p.nodeId()).setAddress(p.raftAddress()).build())
            .toList();
    boolean existing = Files.isDirectory(config.raftDir().resolve(GROUP_ID.getUuid().toString()));
    this.server =
        RaftServer.newBuilder()
            .setServerId(RaftPeerId.valueOf(node))
            .setGroup(RaftGroup.valueOf(GROUP_ID, peers))
            .setProperties(PdRaftProperties.of(config))
            .setStateMachine(stateMachine)
            .setOption(existing ? StartupOption.RECOVER : StartupOption.FORMAT)
            .build();
    this.service = new PlacementServiceImpl(this);
    this.actions = Executors.newCachedThreadPool(new NamedThreads("cesium-" + node + "-pd-action"));
    if (tablets == null) {
      this.replicas = null;
      this.splits = null;
      this.controller = null;
    } else {
      LeaderContext ctx =
          new LeaderContext(new PdMetaLog(this), tablets, config.liveness(), config.controller());
      this.replicas = new ReplicaCreator(tablets, config.controller().tabletRpcTimeout());
      this.splits = new SplitFlow(ctx, actions);
      this.controller =
          new OperatorController(ctx, new TabletOperatorExecutor(ctx, actions), splits, node);
    }
  }

  /**
   * Starts a directory-only member: CreateTable places and records tablets but does not ask tablet
   * servers to create them, SplitTablet is refused (UNAVAILABLE) and no controller runs (tests of
   * the metadata layer, with made-up node addresses).
   */
  public static PlacementDriver start(PlacementDriverConfig config) throws IOException {
    return start(config, (TabletAdmin) null);
  }

  /**
   * Starts the member: formats the group on first start, recovers it from the data dir after.
   *
   * @param actOnTablets whether the leader acts on the tablet servers over gRPC ({@link
   *     GrpcTabletAdmin}): CreateTable creates the replicas, SplitTablet splits the data, the
   *     operator controller runs (unless disabled in the config); what a node runs. {@code false} =
   *     directory only, as {@link #start(PlacementDriverConfig)}
   */
  public static PlacementDriver start(PlacementDriverConfig config, boolean actOnTablets)
      throws IOException {
    var c = config.controller();
    return start(
        config,
        actOnTablets
            ? new GrpcTabletAdmin(c.tabletRpcTimeout(), c.leaderCallTimeout(), config.nodeId())
            : null);
  }

  /**
   * Starts the member with this tablet admin client (a fake in tests; closed with the member), or
   * directory-only when it is null.
   */
  public static PlacementDriver start(PlacementDriverConfig config, TabletAdmin tablets)
      throws IOException {
    Files.createDirectories(config.raftDir());
    Files.createDirectories(config.removedGroupsDir());
    PlacementDriver pd;
    try {
      pd = new PlacementDriver(config, tablets);
    } catch (IOException | RuntimeException e) {
      if (tablets != null) {
        tablets.close();
      }
      throw e;
    }
    try {
      pd.server.start();
      pd.division = pd.server.getDivision(GROUP_ID);
    } catch (IOException | RuntimeException e) {
      pd.halt();
      throw e;
    }
    if (pd.controller != null && config.controller().enabled()) {
      pd.controller.start();
    }
    LOG.info("PD {}: Raft on {}, peers {}", config.nodeId(), pd.raftAddress(), config.peers());
    return pd;
  }

  /** The PlacementService handlers of this member, to host in a gRPC server. */
  public BindableService rpcService() {
    return service;
  }

  public String nodeId() {
    return config.nodeId();
  }

  public PlacementDriverConfig config() {
    return config;
  }

  public String raftAddress() {
    return config.host() + ":" + server.getServerRpc().getInetSocketAddress().getPort();
  }

  /**
   * The operator controller (present when the member acts on tablets, even if disabled in the
   * config: tests and tools may call {@link OperatorController#runOnce()} themselves).
   */
  public Optional<OperatorController> controller() {
    return Optional.ofNullable(controller);
  }

  /** Whether this member currently leads the PD group. */
  public boolean isLeader() {
    RaftServer.Division d = division;
    return d != null && !closed && d.getInfo().isLeader();
  }

  /** Whether this member leads the PD group and has applied every earlier-term entry. */
  boolean isReadyLeader() {
    RaftServer.Division d = division;
    return d != null && !closed && d.getInfo().isLeader() && d.getInfo().isLeaderReady();
  }

  /** The PD leader's node id as this member knows it. */
  public Optional<String> leaderId() {
    RaftServer.Division d = division;
    if (d == null || closed) {
      return Optional.empty();
    }
    RaftPeerId leader = d.getInfo().getLeaderId();
    return leader == null ? Optional.empty() : Optional.of(leader.toString());
  }

  /** Reads this member's applied state (any role; for tests and diagnostics). */
  public <T> T readLocal(Function<MetaState, T> fn) {
    return stateMachine.read(fn);
  }

  /** {@link MetaState#toSnapshot()} of this member's applied state. */
  public byte[] snapshotBytes() {
    return stateMachine.stateAt().snapshot();
  }

  /** The index of the last entry this member applied. */
  public long appliedIndex() {
    return stateMachine.stateAt().appliedIndex();
  }

  // ---- For the handlers ------------------------------------------------------------------------

  /**
   * Completes once this member leads, is ready and holds the bootstrap state ({@link
   * LeaderBootstrap}: schema PUBLIC); fails with NOT_LEADER at a follower.
   */
  CompletableFuture<Void> awaitLeader() {
    if (closed) {
      return CompletableFuture.failedFuture(
          new CesiumException(ErrorCode.SHUTTING_DOWN, "placement driver is stopping"));
    }
    RaftServer.Division d = division;
    if (!d.getInfo().isLeader()) {
      return CompletableFuture.failedFuture(notLeader(null));
    }
    if (d.getInfo().isLeaderReady() && !bootstrap.done()) {
      bootstrap.ensure(); // an earlier attempt failed while this member stayed leader
    }
    return stateMachine
        .readiness()
        .await(() -> d.getInfo().isLeaderReady() && bootstrap.done())
        .orTimeout(config.tuning().operationTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .exceptionallyComposeAsync(
            t -> CompletableFuture.failedFuture(PdErrors.map(t, this::notLeader)), worker);
  }

  /** Reads the applied state at the ready leader. */
  <T> CompletableFuture<T> read(Function<MetaState, T> fn) {
    return awaitLeader().thenApplyAsync(v -> stateMachine.read(fn), worker);
  }

  /**
   * Logs {@code command} through the PD group and returns its {@link MetaResult} once applied here.
   * Fails with NOT_LEADER (hint: the leader) at a follower.
   */
  CompletableFuture<MetaResult> submit(MetaCommand command) {
    return applied(awaitLeader().thenCompose(v -> submitNow(command)));
  }

  /**
   * Logs {@code command} without waiting for the leader to be ready and bootstrapped: only for the
   * leader's own bootstrap entries ({@link LeaderBootstrap}), which that wait would wait for.
   */
  CompletableFuture<MetaResult> submitUnchecked(MetaCommand command) {
    return applied(submitNow(command));
  }

  /** {@link #submit} on the DDL thread, serialized with CreateTable's placement decisions. */
  CompletableFuture<MetaResult> submitOnDdlThread(MetaCommand command) {
    return decideAndSubmit(member -> awaitResult(submit(command)));
  }

  /** Waits for a submitted command (on the DDL thread), bounded by twice the operation timeout. */
  MetaResult awaitResult(CompletableFuture<MetaResult> f) {
    try {
      return f.get(config.tuning().operationTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw PdErrors.map(e.getCause(), this::notLeader);
    } catch (TimeoutException e) {
      throw PdErrors.map(e, this::notLeader);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CesiumException(ErrorCode.SHUTTING_DOWN, "placement driver is stopping", e);
    }
  }

  private CompletableFuture<MetaResult> applied(CompletableFuture<RaftClientReply> logged) {
    return logged
        .orTimeout(config.tuning().operationTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .handleAsync(
            (reply, t) -> {
              if (t != null) {
                throw PdErrors.map(t, this::notLeader);
              }
              if (!reply.isSuccess()) {
                throw PdErrors.map(reply.getException(), this::notLeader);
              }
              Message m = reply.getMessage();
              if (m instanceof PdStateMachine.Applied applied) {
                return applied.result();
              }
              throw new CesiumException(ErrorCode.INTERNAL, "unexpected PD reply " + m);
            },
            worker);
  }

  /** {@link #submit} on the DDL thread: {@code decide} runs there, then its command is logged. */
  <T> CompletableFuture<T> decideAndSubmit(Function<PlacementDriver, T> decide) {
    return awaitLeader().thenApplyAsync(v -> decide.apply(this), ddl);
  }

  /** Asks the replicas' tablet servers to create these tablets; returns the failures. */
  List<String> createReplicas(List<io.cesiumdb.proto.tablet.TabletDescriptor> descriptors) {
    return replicas == null ? List.of() : replicas.createAll(descriptors);
  }

  /** Splits a tablet at the ready leader through the {@link SplitFlow}. */
  CompletableFuture<SplitFlow.Halves> split(long tabletId, long expectedEpoch, ByteString key) {
    if (splits == null) {
      return CompletableFuture.failedFuture(
          new CesiumException(
              ErrorCode.UNAVAILABLE,
              "placement driver member " + config.nodeId() + " is directory-only: cannot split"));
    }
    return awaitLeader().thenCompose(v -> splits.split(tabletId, expectedEpoch, key));
  }

  /** This member's password hashing (its own threads). */
  Credentials credentials() {
    return credentials;
  }

  /** Runs {@code task} on the worker pool; dropped when the member is closing. */
  void runOnWorker(Runnable task) {
    try {
      worker.execute(task);
    } catch (RejectedExecutionException e) {
      LOG.debug("PD {}: closing, dropped {}", config.nodeId(), task);
    }
  }

  long nowMicros() {
    return config.clockMicros().getAsLong();
  }

  private CompletableFuture<RaftClientReply> submitNow(MetaCommand command) {
    RaftClientRequest request =
        RaftClientRequest.newBuilder()
            .setClientId(clientId)
            .setServerId(RaftPeerId.valueOf(config.nodeId()))
            .setGroupId(GROUP_ID)
            .setCallId(callIds.incrementAndGet())
            .setMessage(Message.valueOf(UnsafeByteOperations.unsafeWrap(command.toByteArray())))
            .setType(RaftClientRequest.writeRequestType())
            .build();
    try {
      RaftServer.Division d = division;
      if (d instanceof RaftClientAsynchronousProtocol direct) {
        return direct.submitClientRequestAsync(request);
      }
      return server.submitClientRequestAsync(request);
    } catch (IOException | RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** NOT_LEADER naming the leader ({@code suggested}, else this member's belief) if known. */
  CesiumException notLeader(RaftPeerId suggested) {
    String leader = suggested != null ? suggested.toString() : leaderId().orElse("");
    if (leader.equals(config.nodeId())) {
      leader = "";
    }
    String address = config.peer(leader).map(PdPeer::serviceAddress).orElse("");
    return CesiumException.retry(
        ErrorCode.NOT_LEADER,
        "placement driver member "
            + config.nodeId()
            + " is not the leader"
            + (leader.isEmpty() ? " (leader unknown)" : "; leader is " + leader),
        new RetryHint.NotLeader("", leader, address));
  }

  /** Orderly stop: lets Ratis close the division, then drains the handler threads. */
  @Override
  public void close() {
    closed = true;
    stopActing();
    closeRaft();
    ddl.shutdown();
    worker.shutdown();
    credentials.close();
    await(ddl);
    await(worker);
  }

  /** Abrupt stop for tests: no waiting for in-flight requests. */
  public void halt() {
    closed = true;
    ddl.shutdownNow();
    worker.shutdownNow();
    credentials.close();
    stopActing();
    closeRaft();
  }

  /** Stops the controller, interrupts running operators and splits, closes tablet channels. */
  private void stopActing() {
    if (controller != null) {
      controller.close();
    }
    actions.shutdownNow();
    if (tablets != null) {
      tablets.close();
    }
  }

  private void closeRaft() {
    try {
      server.close();
    } catch (IOException e) {
      LOG.warn("PD {}: closing Raft server", config.nodeId(), e);
    }
  }

  private static void await(ExecutorService executor) {
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      executor.shutdownNow();
    }
  }
}
