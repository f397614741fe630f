package io.cesiumdb.truetime;

import java.util.List;

/**
 * The {@link ClockOffsetMonitor}'s decision on whether this node's clock may be trusted.
 *
 * <p>The node is healthy iff itself plus its agreeing peers form a majority of the cluster (peers +
 * 1); otherwise it is fenced. Unreachable and stale peers count against it (fail-closed).
 *
 * @param fenced true if the node must not serve timestamps
 * @param agreeing peers whose best fresh sample is within the bound (allowing for its uncertainty)
 * @param disagreeing peers whose best fresh sample is certainly beyond the bound
 * @param unreachable peers with no fresh sample
 * @param maxOffsetMicros the bound the offsets were judged against
 * @param explanation a human-readable account naming every disagreeing and unreachable peer
 */
public record FencingVerdict(
    boolean fenced,
    List<PeerOffset> agreeing,
    List<PeerOffset> disagreeing,
    List<String> unreachable,
    long maxOffsetMicros,
    String explanation) {

  /** Copies the lists, so a verdict is immutable. */
  public FencingVerdict {
    agreeing = List.copyOf(agreeing);
    disagreeing = List.copyOf(disagreeing);
    unreachable = List.copyOf(unreachable);
  }

  /** Applies the majority rule to classified peers and explains the outcome. */
  static FencingVerdict decide(
      String selfId,
      long maxOffsetMicros,
      List<PeerOffset> agreeing,
      List<PeerOffset> disagreeing,
      List<String> unreachable) {
    int clusterSize = 1 + agreeing.size() + disagreeing.size() + unreachable.size();
    int confirming = 1 + agreeing.size();
    boolean fenced = confirming < majorityOf(clusterSize);
    FencingVerdict unexplained =
        new FencingVerdict(fenced, agreeing, disagreeing, unreachable, maxOffsetMicros, "");
    return unexplained.withExplanation(FencingExplanation.explain(selfId, unexplained));
  }

  /** Returns the number of nodes in the cluster (peers + 1). */
  public int clusterSize() {
    return 1 + agreeing.size() + disagreeing.size() + unreachable.size();
  }

  /** Returns the smallest number of nodes that is a majority of {@code clusterSize}. */
  static int majorityOf(int clusterSize) {
    return clusterSize / 2 + 1;
  }

  private FencingVerdict withExplanation(String text) {
    return new FencingVerdict(fenced, agreeing, disagreeing, unreachable, maxOffsetMicros, text);
  }
}
