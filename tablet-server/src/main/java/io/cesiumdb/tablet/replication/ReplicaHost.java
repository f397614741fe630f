package io.cesiumdb.tablet.replication;

import io.cesiumdb.common.concurrent.NamedThreads;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.tablet.TabletServerConfig;
import io.cesiumdb.tablet.gc.GcConfig;
import io.cesiumdb.tablet.gc.GcPolicy;
import io.cesiumdb.tablet.replication.fault.RaftFaultInterceptor;
import io.cesiumdb.tablet.storage.MvccStore;
import io.cesiumdb.truetime.TrueTime;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.storage.RaftStorage.StartupOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's multi-raft host: ONE Ratis {@link RaftServer} (gRPC on the node's Raft port) with one
 * division per tablet replica, over the node's one {@link MvccStore}. Starts with RECOVER, so every
 * group directory under {@code raft/} comes back (mapped to its tablet by {@link TabletGroupIds}).
 *
 * <p>Threads it adds to Ratis' own: a small worker pool (continuations of writes and reads), one
 * admin thread (group add/remove, serialized) and one timer (fault delays, safe-time ticks).
 */
public final class ReplicaHost implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ReplicaHost.class);

  private final TabletServerConfig config;
  private final RaftServer server;
  private final TabletRegistry registry;
  private final ReplicaServices services;
  private final GroupAdmin admin;
  private final ExecutorService adminThread;
  private final ExecutorService worker;
  private final ScheduledExecutorService timer;
  private final Map<Long, RaftServer.Division> divisions = new ConcurrentHashMap<>();
  private final AtomicReference<Function<String, String>> resolver = new AtomicReference<>();
  private final AtomicReference<ClockGate> clockGate = new AtomicReference<>(ClockGate.OPEN);
  private final List<AutoCloseable> onStop = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  private ReplicaHost(
      TabletServerConfig config,
      MvccStore store,
      TrueTime clock,
      ExecutorService worker,
      ScheduledExecutorService timer)
      throws IOException {
    this.config = config;
    this.worker = worker;
    this.timer = timer;
    this.adminThread = Executors.newSingleThreadExecutor(threads("admin"));
    this.registry =
        new TabletRegistry(store, clock, worker, config.commitWait(), this::startSplitChild);
    RaftPeerId self = RaftPeerId.valueOf(config.nodeId());
    Parameters parameters = new Parameters();
    RaftFaultInterceptor faults = new RaftFaultInterceptor(config.nodeId(), config.faults(), timer);
    GrpcConfigKeys.Server.setServicesCustomizer(
        parameters, (builder, types) -> builder.intercept(faults));
    this.server =
        RaftServer.newBuilder()
            .setServerId(self)
            .setProperties(TabletRaftProperties.of(config))
            .setParameters(parameters)
            .setStateMachineRegistry(registry)
            .setOption(StartupOption.RECOVER)
            .build();
    RaftRequests requests = new RaftRequests(self);
    this.services =
        new ReplicaServices(
            config.nodeId(),
            store,
            clock,
            worker,
            requests,
            config.tuning(),
            resolver::get,
            clockGate::get);
    this.admin = new GroupAdmin(server, store, requests, registry, divisions);
  }

  /** Starts the Ratis server and recovers every tablet group found under {@code raft/}. */
  public static ReplicaHost start(TabletServerConfig config, MvccStore store, TrueTime clock)
      throws IOException {
    int workers = Math.max(2, Runtime.getRuntime().availableProcessors());
    String node = config.nodeId();
    ExecutorService worker =
        Executors.newFixedThreadPool(
            workers, new NamedThreads("cesium-" + node + "-tablet-worker"));
    ScheduledExecutorService faults =
        Executors.newSingleThreadScheduledExecutor(
            new NamedThreads("cesium-" + node + "-tablet-timer"));
    ReplicaHost host = null;
    try {
      host = new ReplicaHost(config, store, clock, worker, faults);
      host.server.start();
      for (RaftGroupId groupId : host.server.getGroupIds()) {
        OptionalLong tabletId = TabletGroupIds.tabletId(groupId);
        if (tabletId.isPresent()) {
          host.divisions.put(tabletId.getAsLong(), host.division(groupId));
        }
      }
      LOG.info(
          "Node {}: Raft on {}, recovered tablets {}",
          node,
          host.raftAddress(),
          host.divisions.keySet());
      host.resumeSplits();
      host.startSafeTimeTicks();
      host.startGc(config.gc());
      return host;
    } catch (IOException | RuntimeException e) {
      if (host != null) {
        host.halt();
      } else {
        worker.shutdownNow();
        faults.shutdownNow();
      }
      throw e;
    }
  }

  private RaftServer.Division division(RaftGroupId groupId) {
    try {
      return server.getDivision(groupId);
    } catch (IOException e) {
      throw new CesiumException(ErrorCode.RAFT_GROUP_NOT_FOUND, "group " + groupId, e);
    }
  }

  public String nodeId() {
    return config.nodeId();
  }

  public int raftPort() {
    return server.getServerRpc().getInetSocketAddress().getPort();
  }

  public String raftAddress() {
    return config.host() + ":" + raftPort();
  }

  /** Sets how NOT_LEADER hints find a node's tablet address when a descriptor lacks it. */
  public void setTabletAddressResolver(Function<String, String> nodeIdToTabletAddress) {
    resolver.set(nodeIdToTabletAddress);
  }

  /** The tablet address of {@code nodeId} as the resolver knows it, or null. */
  public String tabletAddressOf(String nodeId) {
    Function<String, String> r = resolver.get();
    return r == null ? null : r.apply(nodeId);
  }

  /** Sets whether the node's clock may be used for timestamps (see {@link ClockGate}). */
  public void setClockGate(ClockGate gate) {
    clockGate.set(gate == null ? ClockGate.OPEN : gate);
  }

  /**
   * Hands the leadership of every tablet this node leads to another replica, for a node that must
   * not assign timestamps (its clock is fenced). Best effort and asynchronous; returns how many
   * transfers were started.
   */
  public int shedLeadership() {
    int started = 0;
    for (long tabletId : hostedTablets()) {
      Optional<TabletReplica> replica = replica(tabletId).filter(TabletReplica::isLeader);
      Optional<String> target = replica.flatMap(this::anotherReplica);
      if (target.isPresent()) {
        started++;
        replica
            .get()
            .transferLeader(target.get())
            .whenComplete(
                (v, t) ->
                    LOG.info(
                        "Node {}: leadership of tablet {} to {}: {}",
                        nodeId(),
                        tabletId,
                        target.get(),
                        t == null ? "moved" : t.getMessage()));
      }
    }
    return started;
  }

  private Optional<String> anotherReplica(TabletReplica replica) {
    return replica.descriptor().getReplicasList().stream()
        .map(r -> r.getNodeId())
        .filter(id -> !id.equals(nodeId()))
        .findFirst();
  }

  /** Adds this node's replica of the tablet (idempotent); completes once the division runs. */
  public CompletableFuture<Void> createReplica(TabletDescriptor descriptor) {
    return onAdminThread(() -> admin.create(descriptor));
  }

  /**
   * Starts this node's replica of a tablet born at a split that a local replica applied: the new
   * group runs over the data already in the store (no reset). Runs on the admin thread; the apply
   * thread that calls this never waits for it.
   */
  private void startSplitChild(long parentTabletId, TabletDescriptor right) {
    onAdminThread(() -> admin.adopt(parentTabletId, right))
        .whenComplete(
            (v, t) -> {
              if (t != null && !closed) {
                LOG.warn("Node {}: starting split tablet {}", nodeId(), right.getTabletId(), t);
              }
            });
  }

  /**
   * Every {@link GcConfig#interval()}, each tablet this node leads proposes a GC horizon
   * (transactions.md §6), under the node's {@link GcConfig} (default retention 1 h).
   */
  private void startGc(GcConfig gc) {
    GcPolicy policy = GcPolicy.of(gc);
    long every = gc.interval().toMillis();
    timer.scheduleWithFixedDelay(() -> collectGarbage(policy), every, every, TimeUnit.MILLISECONDS);
  }

  /** Proposes a GC horizon at every tablet this node leads; returns how many proposed one. */
  public int collectGarbage(GcPolicy policy) {
    int proposed = 0;
    for (long tabletId : hostedTablets()) {
      Optional<CompletableFuture<WriteResult>> gc =
          replica(tabletId).flatMap(r -> r.collectGarbage(policy));
      if (gc.isPresent()) {
        proposed++;
        gc.get()
            .whenComplete(
                (r, t) -> {
                  if (t != null) {
                    LOG.debug("Node {}: GC of tablet {}", nodeId(), tabletId, t);
                  }
                });
      }
    }
    return proposed;
  }

  /** Every {@code safeTimeInterval}, idle leaders advance their followers' safe time. */
  private void startSafeTimeTicks() {
    long every = config.safeTimeInterval().toMillis();
    if (every > 0) {
      timer.scheduleWithFixedDelay(this::advanceIdleSafeTimes, every, every, TimeUnit.MILLISECONDS);
    }
  }

  private void advanceIdleSafeTimes() {
    long idleMicros = config.safeTimeInterval().toNanos() / 1000;
    for (long tabletId : hostedTablets()) {
      replica(tabletId)
          .flatMap(r -> r.advanceSafeTimeIfIdle(idleMicros))
          .ifPresent(
              f ->
                  f.whenComplete(
                      (r, t) -> {
                        if (t != null) {
                          LOG.debug("Node {}: safe-time tick of tablet {}", nodeId(), tabletId, t);
                        }
                      }));
    }
  }

  /**
   * Runs {@code task} every {@code every} on the node's timer until the host stops (for periodic
   * work of other packages, such as transaction expiry). Exceptions are the task's to handle.
   */
  public void scheduleTick(Runnable task, java.time.Duration every) {
    long ms = every.toMillis();
    timer.scheduleWithFixedDelay(task, ms, ms, TimeUnit.MILLISECONDS);
  }

  /**
   * Closes {@code resource} when the host stops ({@link #close} or {@link #halt}), after Raft:
   * clients that other packages start for the node's lifetime, such as the coordinator-status
   * client of transaction recovery.
   */
  public void closeOnStop(AutoCloseable resource) {
    onStop.add(resource);
  }

  private void closeResources() {
    for (AutoCloseable r : onStop) {
      try {
        r.close();
      } catch (Exception e) {
        LOG.warn("Node {}: closing {}", config.nodeId(), r, e);
      }
    }
    onStop.clear();
  }

  /** After a restart: split children whose groups did not start before the stop start now. */
  private void resumeSplits() {
    for (long tabletId : divisions.keySet()) {
      registry
          .get(tabletId)
          .flatMap(TabletStateMachine::splitChild)
          .ifPresent(child -> startSplitChild(tabletId, child));
    }
  }

  /**
   * The descriptor of {@code tabletId} if this node runs a replica of it or is about to (a split a
   * local replica applied, whose new group has not started yet).
   */
  public Optional<TabletDescriptor> knownDescriptor(long tabletId) {
    Optional<TabletReplica> hosted = replica(tabletId);
    if (hosted.isPresent()) {
      return hosted.map(TabletReplica::descriptor);
    }
    return registry.all().stream()
        .flatMap(m -> m.splitChild().stream())
        .filter(child -> child.getTabletId() == tabletId)
        .findFirst();
  }

  /** Removes this node's replica and drops its data and meta. */
  public CompletableFuture<Void> removeReplica(long tabletId) {
    return onAdminThread(() -> admin.remove(tabletId));
  }

  private CompletableFuture<Void> onAdminThread(AdminStep step) {
    if (closed) {
      return CompletableFuture.failedFuture(shuttingDown());
    }
    return CompletableFuture.runAsync(
        () -> {
          try {
            step.run();
          } catch (IOException e) {
            throw RaftErrors.map(e, leader -> shuttingDown());
          }
        },
        adminThread);
  }

  /** The replica of {@code tabletId} on this node, if hosted. */
  public Optional<TabletReplica> replica(long tabletId) {
    RaftServer.Division division = divisions.get(tabletId);
    return division == null
        ? Optional.empty()
        : registry.get(tabletId).map(m -> new TabletReplica(m, division, services));
  }

  public Set<Long> hostedTablets() {
    return Set.copyOf(divisions.keySet());
  }

  /**
   * Orderly stop: waits for running group changes, lets Ratis close every division (each applies
   * what is already committed first), then drains the worker pool. No leadership transfer yet:
   * TODO(#7) hand leadership over before a planned restart.
   */
  @Override
  public void close() {
    closed = true;
    adminThread.shutdown();
    await(adminThread);
    closeRaft();
    worker.shutdown();
    await(worker);
    timer.shutdownNow();
    closeResources();
  }

  /**
   * Abrupt stop for tests: no waiting for group changes or pending reads, no snapshot (disabled on
   * stop), no leadership transfer. Ratis closes the divisions in parallel before its RPC endpoint:
   * closing the endpoint first waits seconds on open append streams, while the divisions going
   * silent is what peers notice either way.
   */
  public void halt() {
    closed = true;
    adminThread.shutdownNow();
    worker.shutdownNow();
    timer.shutdownNow();
    closeRaft();
    closeResources();
  }

  private void closeRaft() {
    try {
      server.close();
    } catch (IOException e) {
      LOG.warn("Node {}: closing Raft server", config.nodeId(), e);
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

  private static CesiumException shuttingDown() {
    return new CesiumException(ErrorCode.SHUTTING_DOWN, "tablet server is stopping");
  }

  private NamedThreads threads(String role) {
    return new NamedThreads("cesium-" + config.nodeId() + "-tablet-" + role);
  }

  /** A group-management step. */
  @FunctionalInterface
  private interface AdminStep {
    void run() throws IOException;
  }
}
