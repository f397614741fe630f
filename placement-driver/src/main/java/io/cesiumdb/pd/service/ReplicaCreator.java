package io.cesiumdb.pd.service;

import io.cesiumdb.proto.tablet.CreateReplicaRequest;
import io.cesiumdb.proto.tablet.CreateReplicaResponse;
import io.cesiumdb.proto.tablet.ReplicaDescriptor;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.proto.tablet.TabletServiceGrpc;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks tablet servers to create their replicas of new tablets (TabletService.CreateReplica), the
 * way the PD leader completes a CreateTable. Plain gRPC stubs with a deadline; one channel per
 * tablet address, all closed with the placement driver.
 */
final class ReplicaCreator implements AutoCloseable {
  private final Duration deadline;
  private final ConcurrentHashMap<String, ManagedChannel> channels = new ConcurrentHashMap<>();
  private volatile boolean closed;

  ReplicaCreator(Duration deadline) {
    this.deadline = deadline;
  }

  /**
   * Creates every replica of every tablet, all calls in flight at once, and waits for them.
   *
   * @return one line per failed replica (empty = all created)
   */
  List<String> createAll(List<TabletDescriptor> tablets) {
    List<String> failures = new ArrayList<>();
    List<Object[]> calls = new ArrayList<>();
    for (TabletDescriptor tablet : tablets) {
      for (ReplicaDescriptor replica : tablet.getReplicasList()) {
        if (replica.getTabletAddress().isEmpty()) {
          failures.add(where(tablet, replica) + ": node has no known tablet address");
          continue;
        }
        try {
          Future<CreateReplicaResponse> f =
              TabletServiceGrpc.newFutureStub(channel(replica.getTabletAddress()))
                  .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                  .createReplica(CreateReplicaRequest.newBuilder().setTablet(tablet).build());
          calls.add(new Object[] {tablet, replica, f});
        } catch (RuntimeException e) {
          failures.add(where(tablet, replica) + ": " + e);
        }
      }
    }
    long until = System.nanoTime() + deadline.toNanos() + TimeUnit.SECONDS.toNanos(1);
    for (Object[] call : calls) {
      TabletDescriptor tablet = (TabletDescriptor) call[0];
      ReplicaDescriptor replica = (ReplicaDescriptor) call[1];
      @SuppressWarnings("unchecked")
      Future<CreateReplicaResponse> f = (Future<CreateReplicaResponse>) call[2];
      try {
        CreateReplicaResponse r =
            f.get(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (r.hasError()) {
          failures.add(
              where(tablet, replica)
                  + ": "
                  + r.getError().getCode()
                  + " "
                  + r.getError().getMessage());
        }
      } catch (ExecutionException e) {
        failures.add(where(tablet, replica) + ": " + e.getCause());
      } catch (TimeoutException e) {
        f.cancel(true);
        failures.add(where(tablet, replica) + ": timed out");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failures.add(where(tablet, replica) + ": interrupted");
        break;
      }
    }
    return failures;
  }

  private static String where(TabletDescriptor tablet, ReplicaDescriptor replica) {
    return "tablet " + tablet.getTabletId() + " on " + replica.getNodeId();
  }

  private ManagedChannel channel(String address) {
    if (closed) {
      throw new IllegalStateException("placement driver is stopping");
    }
    return channels.computeIfAbsent(
        address, a -> Grpc.newChannelBuilder(a, InsecureChannelCredentials.create()).build());
  }

  @Override
  public void close() {
    closed = true;
    channels.values().forEach(ManagedChannel::shutdownNow);
    channels.clear();
  }
}
