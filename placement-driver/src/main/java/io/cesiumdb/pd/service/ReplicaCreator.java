package io.cesiumdb.pd.service;

import io.cesiumdb.pd.tabletclient.TabletAdmin;
import io.cesiumdb.pd.tabletclient.TabletErrors;
import io.cesiumdb.proto.tablet.ReplicaDescriptor;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks tablet servers to create their replicas of new tablets (CreateReplica through the {@link
 * TabletAdmin}), the way the PD leader completes a CreateTable: every call in flight at once, then
 * one bounded wait for all of them.
 */
final class ReplicaCreator {
  private static final Logger LOG = LoggerFactory.getLogger(ReplicaCreator.class);

  private final TabletAdmin tablets;
  private final Duration deadline;

  ReplicaCreator(TabletAdmin tablets, Duration deadline) {
    this.tablets = tablets;
    this.deadline = deadline;
  }

  /**
   * Creates every replica of every tablet and waits for them. A tablet whose replicas were created
   * on a majority of its nodes works (its group elects a leader), and the replica checker replaces
   * a missing one on a node that is dead; so only tablets short of a majority count as failed.
   * Every failed replica is logged.
   *
   * @return one line per failed replica of a tablet without a majority (empty = all usable)
   */
  List<String> createAll(List<TabletDescriptor> descriptors) {
    List<List<Call>> perTablet = new ArrayList<>();
    for (TabletDescriptor tablet : descriptors) {
      List<Call> calls = new ArrayList<>();
      for (ReplicaDescriptor replica : tablet.getReplicasList()) {
        calls.add(new Call(where(tablet, replica), tablets.createReplica(replica, tablet)));
      }
      perTablet.add(calls); // every call in flight before the first wait
    }
    long until = System.nanoTime() + deadline.toNanos() + TimeUnit.SECONDS.toNanos(1);
    List<String> failures = new ArrayList<>();
    for (List<Call> calls : perTablet) {
      List<String> failed = await(calls, until);
      failed.forEach(f -> LOG.warn("CreateReplica failed: {}", f));
      if (calls.size() - failed.size() <= calls.size() / 2) {
        failures.addAll(failed);
      }
    }
    return failures;
  }

  private static List<String> await(List<Call> calls, long until) {
    List<String> failures = new ArrayList<>();
    for (Call call : calls) {
      try {
        call.future.get(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (ExecutionException e) {
        failures.add(call.where + ": " + TabletErrors.from(e.getCause(), call.where).getMessage());
      } catch (TimeoutException e) {
        call.future.cancel(true);
        failures.add(call.where + ": timed out");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failures.add(call.where + ": interrupted");
        break;
      }
    }
    return failures;
  }

  private record Call(String where, CompletableFuture<Void> future) {}

  private static String where(TabletDescriptor tablet, ReplicaDescriptor replica) {
    return "tablet " + tablet.getTabletId() + " on " + replica.getNodeId();
  }
}
