package io.cesiumdb.pd.cluster;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An immutable snapshot of the cluster that checkers, schedulers and placement read: the nodes, the
 * tablets and the tablets that already have an operator in flight. Iteration orders are sorted
 * (nodes by id, tablets by id) so that every decision over a view is deterministic.
 *
 * <p>Per-node tablet and leader counts are derived from the tablets when the view is built.
 *
 * <p>Lost replicas are replicas on UP nodes that the controller judged gone (not reported for
 * longer than its grace period, see {@link ReplicaReports}); the replica checker replaces them like
 * replicas on DOWN nodes. The view only carries that judgement: time is not its business.
 *
 * <p>Cooling nodes are nodes that balancing must not move work to even while UP: not heard from
 * lately, or a leadership transfer to them failed since their last heartbeat (see {@link
 * #isBalanceTarget}). A node that has just died leads nothing within two seconds, so it looks like
 * the best target for leaders long before it stops being UP; each transfer to it fails only after
 * the Ratis transfer timeout and blocks the source leader's writes meanwhile.
 */
public final class ClusterView {
  private final Map<String, NodeInfo> nodes;
  private final Map<Long, TabletInfo> tablets;
  private final Set<Long> pendingTablets;
  private final Set<ReplicaRef> lostReplicas;
  private final Set<String> coolingNodes;
  private final Map<String, Integer> tabletCounts = new HashMap<>();
  private final Map<String, Integer> leaderCounts = new HashMap<>();

  public ClusterView(
      Collection<NodeInfo> nodes, Collection<TabletInfo> tablets, Collection<Long> pendingTablets) {
    this(nodes, tablets, pendingTablets, Set.of());
  }

  /** A view in which {@code lostReplicas} are to be replaced although their nodes are UP. */
  public ClusterView(
      Collection<NodeInfo> nodes,
      Collection<TabletInfo> tablets,
      Collection<Long> pendingTablets,
      Collection<ReplicaRef> lostReplicas) {
    this(nodes, tablets, pendingTablets, lostReplicas, Set.of());
  }

  private ClusterView(
      Collection<NodeInfo> nodes,
      Collection<TabletInfo> tablets,
      Collection<Long> pendingTablets,
      Collection<ReplicaRef> lostReplicas,
      Collection<String> coolingNodes) {
    Map<String, NodeInfo> n = new TreeMap<>();
    nodes.forEach(node -> putUnique(n, node.id(), node));
    Map<Long, TabletInfo> t = new TreeMap<>();
    tablets.forEach(tablet -> putUnique(t, tablet.tabletId(), tablet));
    this.nodes = Collections.unmodifiableMap(n);
    this.tablets = Collections.unmodifiableMap(t);
    this.pendingTablets = Collections.unmodifiableSet(new TreeSet<>(pendingTablets));
    this.lostReplicas = Collections.unmodifiableSet(new TreeSet<>(lostReplicas));
    this.coolingNodes = Collections.unmodifiableSet(new TreeSet<>(coolingNodes));
    for (TabletInfo tablet : t.values()) {
      tablet.replicas().forEach(r -> tabletCounts.merge(r, 1, Integer::sum));
      tablet.leaderNode().ifPresent(l -> leaderCounts.merge(l, 1, Integer::sum));
    }
  }

  private static <K, V> void putUnique(Map<K, V> map, K key, V value) {
    if (map.putIfAbsent(key, value) != null) {
      throw new IllegalArgumentException("duplicate id " + key);
    }
  }

  /** All nodes, sorted by id. */
  public Collection<NodeInfo> nodes() {
    return nodes.values();
  }

  /** The UP nodes, sorted by id. */
  public List<NodeInfo> upNodes() {
    return nodes.values().stream().filter(NodeInfo::isUp).toList();
  }

  public Optional<NodeInfo> node(String nodeId) {
    return Optional.ofNullable(nodes.get(nodeId));
  }

  /** The node's state; a node the view does not know is DOWN. */
  public NodeState stateOf(String nodeId) {
    NodeInfo node = nodes.get(nodeId);
    return node == null ? NodeState.DOWN : node.state();
  }

  public boolean isUp(String nodeId) {
    return stateOf(nodeId) == NodeState.UP;
  }

  /** All tablets, sorted by id. */
  public Collection<TabletInfo> tablets() {
    return tablets.values();
  }

  public Optional<TabletInfo> tablet(long tabletId) {
    return Optional.ofNullable(tablets.get(tabletId));
  }

  public int tabletCount(String nodeId) {
    return tabletCounts.getOrDefault(nodeId, 0);
  }

  public int leaderCount(String nodeId) {
    return leaderCounts.getOrDefault(nodeId, 0);
  }

  /** Tablet ids with an operator in flight; checkers and schedulers leave these alone. */
  public Set<Long> pendingTablets() {
    return pendingTablets;
  }

  public boolean hasPending(long tabletId) {
    return pendingTablets.contains(tabletId);
  }

  /** Replicas on UP nodes judged lost (see the class comment), sorted. */
  public Set<ReplicaRef> lostReplicas() {
    return lostReplicas;
  }

  /** Whether the replica of {@code tabletId} on {@code nodeId} was judged lost. */
  public boolean isLost(long tabletId, String nodeId) {
    return lostReplicas.contains(new ReplicaRef(tabletId, nodeId));
  }

  /**
   * Nodes that balancing does not move replicas or leaders to even while UP (see the class
   * comment); SUSPECT and DOWN nodes not heard from lately are in it too.
   */
  public Set<String> coolingNodes() {
    return coolingNodes;
  }

  /** Whether balancing may move a replica or a leader to the node: UP and not cooling. */
  public boolean isBalanceTarget(String nodeId) {
    return isUp(nodeId) && !coolingNodes.contains(nodeId);
  }

  /** Orders node ids by fewest tablets, then by id. */
  public Comparator<String> byTabletCount() {
    return Comparator.comparingInt(this::tabletCount).thenComparing(Comparator.naturalOrder());
  }

  /** This view with {@code tablet} added or replaced. */
  public ClusterView withTablet(TabletInfo tablet) {
    Map<Long, TabletInfo> next = new TreeMap<>(tablets);
    next.put(tablet.tabletId(), tablet);
    return new ClusterView(
        nodes.values(), next.values(), pendingTablets, lostReplicas, coolingNodes);
  }

  /** This view with {@code tabletIds} also marked pending. */
  public ClusterView withPending(Collection<Long> tabletIds) {
    Set<Long> next = new HashSet<>(pendingTablets);
    next.addAll(tabletIds);
    return new ClusterView(nodes.values(), tablets.values(), next, lostReplicas, coolingNodes);
  }

  /** This view with the pending set replaced. */
  public ClusterView withPendingOnly(Collection<Long> tabletIds) {
    return new ClusterView(nodes.values(), tablets.values(), tabletIds, lostReplicas, coolingNodes);
  }

  /** This view with the lost replicas replaced. */
  public ClusterView withLostReplicas(Collection<ReplicaRef> lost) {
    return new ClusterView(nodes.values(), tablets.values(), pendingTablets, lost, coolingNodes);
  }

  /** This view with {@code replacement} nodes (same ids or not), everything else kept. */
  public ClusterView withNodes(Collection<NodeInfo> replacement) {
    return new ClusterView(
        replacement, tablets.values(), pendingTablets, lostReplicas, coolingNodes);
  }

  /** This view with {@code nodeIds} also cooling. */
  public ClusterView withCooling(Collection<String> nodeIds) {
    Set<String> next = new TreeSet<>(coolingNodes);
    next.addAll(nodeIds);
    return new ClusterView(nodes.values(), tablets.values(), pendingTablets, lostReplicas, next);
  }

  @Override
  public String toString() {
    return "ClusterView{nodes=" + nodes.keySet() + ", tablets=" + tablets.size() + "}";
  }
}
