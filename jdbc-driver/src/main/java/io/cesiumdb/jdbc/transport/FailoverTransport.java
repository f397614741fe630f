package io.cesiumdb.jdbc.transport;

import io.cesiumdb.proto.sql.AvaticaEnvelope;
import io.cesiumdb.proto.sql.SqlServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gRPC transport of one JDBC connection: fails over across the listed nodes for the first call
 * (Avatica's OpenConnectionRequest), then stays pinned to the node that answered it.
 *
 * <p>Why pinned: the server side of a connection (its Avatica connection id, open statements and
 * any transaction with buffered writes) lives in that node's memory. Silently sending the next call
 * to another node would run it on a connection that node does not know, or worse, on a fresh one
 * whose COMMIT commits nothing. So after the first answer every transport failure surfaces as
 * SQLSTATE 08006 and the application reconnects; the new connection fails over again.
 *
 * <p>Thread-safe. The first call holds the lock while it tries nodes, so concurrent first calls
 * wait for it rather than open a second server-side session.
 */
public final class FailoverTransport implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FailoverTransport.class);

  private final List<HostAndPort> nodes;
  private final ChannelOpener opener;
  private final long connectTimeoutMillis;
  private final Object lock = new Object();

  // Guarded by lock.
  private ManagedChannel channel;
  private HostAndPort node;
  private boolean closed;

  /**
   * @param nodes the nodes to try, in order
   * @param connectTimeoutMillis deadline of the first call on each node (0 = none)
   */
  public FailoverTransport(
      List<HostAndPort> nodes, ChannelOpener opener, long connectTimeoutMillis) {
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("no nodes to connect to");
    }
    this.nodes = List.copyOf(nodes);
    this.opener = opener;
    this.connectTimeoutMillis = connectTimeoutMillis;
  }

  /**
   * Sends one envelope and returns the reply. Throws {@code AvaticaClientRuntimeException} with a
   * SQLSTATE when the transport fails (see {@link TransportErrors}).
   *
   * @param timeoutMillis deadline of this call once connected (0 = none)
   */
  public AvaticaEnvelope call(AvaticaEnvelope request, long timeoutMillis) {
    ManagedChannel pinned;
    HostAndPort pinnedNode;
    synchronized (lock) {
      if (closed) {
        throw TransportErrors.closed();
      }
      if (channel == null) {
        return connect(request);
      }
      pinned = channel;
      pinnedNode = node;
    }
    try {
      return stub(pinned, timeoutMillis).call(request);
    } catch (StatusRuntimeException e) {
      throw TransportErrors.afterConnect(pinnedNode, e.getStatus());
    }
  }

  /** The node this connection is pinned to, once its first call was answered. */
  public Optional<HostAndPort> node() {
    synchronized (lock) {
      return Optional.ofNullable(node);
    }
  }

  /** Releases the channel; later calls fail with SQLSTATE 08003. Idempotent. */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      if (channel != null) {
        channel.shutdown();
      }
    }
  }

  // Called with the lock held.
  private AvaticaEnvelope connect(AvaticaEnvelope request) {
    List<String> failures = new ArrayList<>();
    for (HostAndPort candidate : nodes) {
      ManagedChannel attempt;
      try {
        attempt = opener.open(candidate);
      } catch (RuntimeException e) {
        failures.add(candidate + ": " + e.getMessage());
        continue;
      }
      try {
        AvaticaEnvelope reply = stub(attempt, connectTimeoutMillis).call(request);
        channel = attempt;
        node = candidate;
        LOG.debug("connected to {} after {} failed node(s)", candidate, failures.size());
        return reply;
      } catch (StatusRuntimeException e) {
        attempt.shutdownNow();
        failures.add(candidate + ": " + TransportErrors.describe(e.getStatus()));
        LOG.debug("node {} did not answer, trying the next one", candidate, e);
      }
    }
    throw TransportErrors.noNodeAnswered(failures);
  }

  private static SqlServiceGrpc.SqlServiceBlockingStub stub(
      ManagedChannel channel, long timeoutMillis) {
    SqlServiceGrpc.SqlServiceBlockingStub stub = SqlServiceGrpc.newBlockingStub(channel);
    return timeoutMillis > 0 ? stub.withDeadlineAfter(timeoutMillis, TimeUnit.MILLISECONDS) : stub;
  }
}
