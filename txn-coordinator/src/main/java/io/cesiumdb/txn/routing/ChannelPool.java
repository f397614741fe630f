package io.cesiumdb.txn.routing;

import io.cesiumdb.proto.rpc.CallerHeaders;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link ManagedChannel} per tablet address, created on first use and kept until the pool
 * closes. gRPC channels reconnect by themselves, so a node that restarts on the same address needs
 * no new channel.
 *
 * <p>Every channel runs its callbacks on the router's executor (never {@code directExecutor()}: the
 * callbacks complete callers' futures, and a caller's continuation must not run on a Netty event
 * loop) and, when the router runs inside a node, stamps each call with {@link CallerHeaders} so the
 * receiving node can log it and the test transport can drop or delay it.
 *
 * <p>Thread-safe. Lookups of existing channels take no lock; creation and {@link #close()} share
 * one, so no channel is created after close.
 */
public final class ChannelPool implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChannelPool.class);
  private static final long CLOSE_WAIT_SECONDS = 5;

  private final ChannelFactory factory;
  private final String callerNodeId;
  private final Executor executor;
  private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();
  private boolean closed; // guarded by this

  /**
   * @param factory makes the builder per address
   * @param callerNodeId the id of the node this pool runs in, or null for an external client (no
   *     caller header is sent)
   * @param executor where channel callbacks run
   */
  public ChannelPool(ChannelFactory factory, String callerNodeId, Executor executor) {
    this.factory = Objects.requireNonNull(factory, "factory");
    this.callerNodeId = callerNodeId;
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  /**
   * The channel to {@code address}, created if needed.
   *
   * @throws IllegalStateException if the pool is closed
   */
  public ManagedChannel channel(String address) {
    ManagedChannel ch = channels.get(address);
    if (ch == null) {
      return create(address);
    }
    // NB: after a failed connect gRPC waits out a growing backoff (1 s up to 2 min) and fails
    // calls fast meanwhile; a node that restarted would be skipped for minutes. The router only
    // asks for a channel when it wants that node now, so try to connect now.
    if (ch.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
      ch.resetConnectBackoff();
    }
    return ch;
  }

  private synchronized ManagedChannel create(String address) {
    if (closed) {
      throw new IllegalStateException("channel pool closed");
    }
    return channels.computeIfAbsent(address, this::build);
  }

  private ManagedChannel build(String address) {
    ManagedChannelBuilder<?> builder = factory.builderFor(address).executor(executor);
    if (callerNodeId != null) {
      builder.intercept(CallerHeaders.stamp(callerNodeId));
    }
    LOG.debug("channel to {} (caller {})", address, callerNodeId);
    return builder.build();
  }

  /** Where channel callbacks run. */
  Executor executor() {
    return executor;
  }

  /** The number of channels open. */
  public int size() {
    return channels.size();
  }

  /**
   * Cancels every call in flight and closes every channel, waiting up to 5 s for each to terminate.
   * Calls in flight fail with {@code CANCELLED} or {@code UNAVAILABLE}.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    channels.values().forEach(ManagedChannel::shutdownNow);
    for (Map.Entry<String, ManagedChannel> e : channels.entrySet()) {
      try {
        if (!e.getValue().awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
          LOG.warn("channel to {} did not terminate in {} s", e.getKey(), CLOSE_WAIT_SECONDS);
        }
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
