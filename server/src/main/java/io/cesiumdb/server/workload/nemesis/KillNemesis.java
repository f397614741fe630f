package io.cesiumdb.server.workload.nemesis;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.proto.placement.ListNodesRequest;
import io.cesiumdb.proto.placement.ListNodesResponse;
import io.cesiumdb.proto.placement.NodeEntry;
import io.cesiumdb.server.rpc.PdClient;
import io.cesiumdb.server.workload.nemesis.Membership.NodeRef;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code kill}: {@code kill -9} of one node process through {@link NodeControl} (Jepsen's
 * start-kill). Every node in turn, leaders first: the victim is a node killed least often so far in
 * this run and, among those, the one that led the most tablets at its last heartbeat (placement
 * driver's registry); ties and a cluster without one are broken with the run's seed. So a run with
 * as many kills as nodes has killed every node once. Heal: start the killed node again from its
 * data directory. Only when the run owns the node processes; {@link Nemeses#parse} refuses it
 * otherwise.
 */
final class KillNemesis implements Nemesis {
  private static final Logger LOG = LoggerFactory.getLogger(KillNemesis.class);

  private final Membership members;
  private final NodeControl control;
  private final Random rng;
  private String killed;
  private final Map<String, Integer> kills = new HashMap<>();

  KillNemesis(Membership members, NodeControl control, long seed) {
    this.members = members;
    this.control = control;
    this.rng = new Random(seed ^ 0x4177L);
  }

  @Override
  public String name() {
    return "kill";
  }

  @Override
  public synchronized String inject() {
    if (killed != null) {
      return "kill: " + killed + " is still down";
    }
    Map<String, Integer> leaders = leaderCounts();
    NodeRef victim = victim(Picks.shuffled(members.nodes(), rng), kills, leaders);
    control.kill(victim.nodeId());
    killed = victim.nodeId();
    kills.merge(killed, 1, Integer::sum);
    return "kill: kill -9 "
        + killed
        + " (led "
        + leaders.getOrDefault(killed, 0)
        + " tablets at its last heartbeat)";
  }

  @Override
  public synchronized String heal() {
    if (killed == null) {
      return "kill: nothing to heal";
    }
    String node = killed;
    control.start(node);
    killed = null;
    return "kill: restarted " + node;
  }

  /**
   * The node killed least often, then leading the most tablets; the first of {@code candidates}
   * (already shuffled) among equals.
   */
  static NodeRef victim(
      List<NodeRef> candidates, Map<String, Integer> kills, Map<String, Integer> leaders) {
    Comparator<NodeRef> fewestKills =
        Comparator.comparingInt(n -> kills.getOrDefault(n.nodeId(), 0));
    Comparator<NodeRef> mostLeaders =
        Comparator.comparingInt(n -> -leaders.getOrDefault(n.nodeId(), 0));
    return candidates.stream().min(fewestKills.thenComparing(mostLeaders)).orElseThrow();
  }

  private Map<String, Integer> leaderCounts() {
    Map<String, Integer> out = new HashMap<>();
    try (PdClient pd = new PdClient("nemesis", members.seeds(), Membership.CALL_DEADLINE)) {
      ListNodesResponse r =
          pd.call(s -> s.listNodes(ListNodesRequest.getDefaultInstance()), x -> x.getError());
      for (NodeEntry n : r.getNodesList()) {
        out.put(n.getNodeId(), n.getLeaderCount());
      }
    } catch (CesiumException e) {
      LOG.debug("no leader counts from the placement driver: {}", e.getMessage());
    }
    return out;
  }
}
