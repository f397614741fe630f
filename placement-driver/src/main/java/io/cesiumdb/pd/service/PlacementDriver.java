package io.cesiumdb.pd.service;

import io.cesiumdb.common.concurrent.NamedThreads;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.common.error.RetryHint;
import io.cesiumdb.pd.meta.MetaResult;
import io.cesiumdb.pd.meta.MetaState;
import io.cesiumdb.proto.placement.MetaCommand;
import io.grpc.BindableService;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
 */
public final class PlacementDriver implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PlacementDriver.class);

  /** The placement driver's one Raft group, the same on every cluster. */
  public static final RaftGroupId GROUP_ID =
      RaftGroupId.valueOf(UUID.fromString("ce51d0b0-0000-4000-8000-00000000d001"));

  /** Deadline of one CreateReplica call the leader makes while completing a CreateTable. */
  static final java.time.Duration REPLICA_CREATE_DEADLINE = java.time.Duration.ofSeconds(10);

  private final PlacementDriverConfig config;
  private final PdStateMachine stateMachine;
  private final RaftServer server;
  private final ExecutorService worker;
  private final ExecutorService ddl;
  private final ClientId clientId = ClientId.randomId();
  private final AtomicLong callIds = new AtomicLong();
  private final PlacementServiceImpl service;
  private final ReplicaCreator replicas = new ReplicaCreator(REPLICA_CREATE_DEADLINE);
  private volatile boolean createsReplicas;
  private volatile RaftServer.Division division;
  private volatile boolean closed;

  private PlacementDriver(PlacementDriverConfig config) throws IOException {
    this.config = config;
    this.stateMachine = new PdStateMachine();
    String node = config.nodeId();
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
  }

  /**
   * Starts a directory-only member: CreateTable places and records tablets but does not ask tablet
   * servers to create them (tests of the metadata layer, with made-up node addresses).
   */
  public static PlacementDriver start(PlacementDriverConfig config) throws IOException {
    return start(config, false);
  }

  /**
   * Starts the member: formats the group on first start, recovers it from the data dir after.
   *
   * @param createReplicas whether the leader completes a CreateTable by asking each replica's
   *     tablet server to create its replica (TabletService.CreateReplica) before answering; what a
   *     node runs
   */
  public static PlacementDriver start(PlacementDriverConfig config, boolean createReplicas)
      throws IOException {
    Files.createDirectories(config.raftDir());
    Files.createDirectories(config.removedGroupsDir());
    PlacementDriver pd = new PlacementDriver(config);
    pd.createsReplicas = createReplicas;
    try {
      pd.server.start();
      pd.division = pd.server.getDivision(GROUP_ID);
    } catch (IOException | RuntimeException e) {
      pd.halt();
      throw e;
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

  /** Whether this member currently leads the PD group. */
  public boolean isLeader() {
    RaftServer.Division d = division;
    return d != null && !closed && d.getInfo().isLeader();
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

  /** Completes once this member leads and is ready; fails with NOT_LEADER at a follower. */
  CompletableFuture<Void> awaitLeader() {
    if (closed) {
      return CompletableFuture.failedFuture(
          new CesiumException(ErrorCode.SHUTTING_DOWN, "placement driver is stopping"));
    }
    RaftServer.Division d = division;
    if (!d.getInfo().isLeader()) {
      return CompletableFuture.failedFuture(notLeader(null));
    }
    return stateMachine
        .readiness()
        .await(() -> d.getInfo().isLeaderReady())
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
    return awaitLeader()
        .thenCompose(v -> submitNow(command))
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
  List<String> createReplicas(List<io.cesiumdb.proto.tablet.TabletDescriptor> tablets) {
    return createsReplicas ? replicas.createAll(tablets) : List.of();
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
    replicas.close();
    closeRaft();
    ddl.shutdown();
    worker.shutdown();
    await(ddl);
    await(worker);
  }

  /** Abrupt stop for tests: no waiting for in-flight requests. */
  public void halt() {
    closed = true;
    ddl.shutdownNow();
    worker.shutdownNow();
    replicas.close();
    closeRaft();
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
