package io.cesiumdb.pd.service;

import io.cesiumdb.pd.meta.MetaState;
import io.cesiumdb.proto.placement.CreateSchema;
import io.cesiumdb.proto.placement.MetaCommand;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a PD leader makes sure of before it serves any request: the default schema {@link
 * MetaState#DEFAULT_SCHEMA} exists. On the first leadership of a new cluster it logs {@code
 * CreateSchema(PUBLIC, if_not_exists)}; on every later one it only checks the applied state (the
 * schema can never be dropped, so one entry in the cluster's life).
 *
 * <p>Flow: Ratis' "leader ready" → {@link #onLeaderReady} (hops to the worker pool) → {@link
 * #ensure}: the schema is there → release the requests waiting in {@code LeaderReadiness};
 * otherwise log the command (bypassing the readiness wait, which would wait for itself) and release
 * them once it is applied. {@code PlacementDriver.awaitLeader} waits for "leader ready and {@link
 * #done}" and calls {@link #ensure} again while not done, so an attempt that timed out is retried
 * by the next request instead of by a timer. A leader that loses leadership mid-way leaves the job
 * to the next one (the command is idempotent).
 */
final class LeaderBootstrap {
  private static final Logger LOG = LoggerFactory.getLogger(LeaderBootstrap.class);

  private static final MetaCommand CREATE_DEFAULT_SCHEMA =
      MetaCommand.newBuilder()
          .setCreateSchema(
              CreateSchema.newBuilder().setName(MetaState.DEFAULT_SCHEMA).setIfNotExists(true))
          .build();

  private final PlacementDriver pd;
  private final PdStateMachine stateMachine;
  private final AtomicBoolean inFlight = new AtomicBoolean();
  private volatile boolean done;

  LeaderBootstrap(PlacementDriver pd, PdStateMachine stateMachine) {
    this.pd = pd;
    this.stateMachine = stateMachine;
  }

  /** Whether the applied state holds everything a serving leader needs. Once true, stays true. */
  boolean done() {
    if (!done) {
      done = stateMachine.read(s -> s.schemas().contains(MetaState.DEFAULT_SCHEMA));
    }
    return done;
  }

  /** Ratis' leader-ready notification (a Ratis thread: nothing blocking here). */
  void onLeaderReady() {
    pd.runOnWorker(this::ensure);
  }

  /** Logs the bootstrap entries if missing and none is in flight; releases waiters once done. */
  void ensure() {
    if (done()) {
      stateMachine.readiness().ready();
      return;
    }
    if (!inFlight.compareAndSet(false, true)) {
      return;
    }
    LOG.info("PD {}: new cluster, creating schema {}", pd.nodeId(), MetaState.DEFAULT_SCHEMA);
    pd.submitUnchecked(CREATE_DEFAULT_SCHEMA)
        .whenComplete(
            (result, failure) -> {
              inFlight.set(false);
              if (failure == null && result.isOk()) {
                stateMachine.readiness().ready();
              } else {
                LOG.warn(
                    "PD {}: creating schema {} failed (the next request or leader retries): {}",
                    pd.nodeId(),
                    MetaState.DEFAULT_SCHEMA,
                    failure != null ? failure.toString() : result);
              }
            });
  }
}
