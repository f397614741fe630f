package io.cesiumdb.common.fault;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which messages between nodes to drop or delay: the network half of the fault injector. Keyed by
 * direction: {@code drop("n1", "n2")} loses what n1 sends to n2 and nothing n2 sends to n1.
 *
 * <p>The transports consult it on the receiving side: the node's gRPC server (node and tablet RPC,
 * caller named by the {@code cesium-caller-node} header) and the Ratis server (caller named by the
 * requestor id inside each Raft message). One plan may be shared by every node of an in-process
 * cluster; a node process gets its own through the admin RPC (issue 7).
 *
 * <p>Thread-safe; reads are lock-free because every message consults it.
 */
public final class FaultPlan {
  private final Set<Link> dropped = ConcurrentHashMap.newKeySet();
  private final Map<Link, Long> delaysMillis = new ConcurrentHashMap<>();
  private final AtomicLong droppedCount = new AtomicLong();

  /** A directed link between two nodes. */
  public record Link(String from, String to) {}

  /** Loses every message {@code from} sends to {@code to}. */
  public FaultPlan drop(String from, String to) {
    dropped.add(new Link(from, to));
    return this;
  }

  /** Cuts both directions between every node of {@code a} and every node of {@code b}. */
  public FaultPlan partition(Collection<String> a, Collection<String> b) {
    for (String x : a) {
      for (String y : b) {
        drop(x, y).drop(y, x);
      }
    }
    return this;
  }

  /** Cuts {@code node} off from every other node in {@code all}. */
  public FaultPlan isolate(String node, Collection<String> all) {
    return partition(Set.of(node), all.stream().filter(n -> !n.equals(node)).toList());
  }

  /** Delays every message {@code from} sends to {@code to} by {@code millis}. */
  public FaultPlan delay(String from, String to, long millis) {
    if (millis < 0) {
      throw new IllegalArgumentException("negative delay " + millis);
    }
    delaysMillis.put(new Link(from, to), millis);
    return this;
  }

  /** Removes every fault. */
  public FaultPlan heal() {
    dropped.clear();
    delaysMillis.clear();
    return this;
  }

  /**
   * True when a message from {@code from} to {@code to} must be lost; counts it. An unknown sender
   * (null: a client that is not a node) is never dropped.
   */
  public boolean shouldDrop(String from, String to) {
    if (from == null || dropped.isEmpty() || !dropped.contains(new Link(from, to))) {
      return false;
    }
    droppedCount.incrementAndGet();
    return true;
  }

  /** The delay for a message on this link, 0 when none. */
  public long delayMillis(String from, String to) {
    if (from == null || delaysMillis.isEmpty()) {
      return 0;
    }
    return delaysMillis.getOrDefault(new Link(from, to), 0L);
  }

  /** How many messages this plan has dropped so far. */
  public long droppedCount() {
    return droppedCount.get();
  }

  /** True when no fault is active. */
  public boolean isHealthy() {
    return dropped.isEmpty() && delaysMillis.isEmpty();
  }

  @Override
  public String toString() {
    return "FaultPlan[dropped=" + dropped + ", delays=" + delaysMillis + "]";
  }
}
