package io.cesiumdb.common.error;

/**
 * What a retryable error tells the retrier, as data. Routing errors carry where to go next; a
 * transaction abort carries why. The {@code rpc} package of each module maps these to and from the
 * wire's error detail.
 */
public sealed interface RetryHint {

  /** The replica that answered is not the leader of the tablet's group. */
  record NotLeader(String tabletId, String leaderNodeId, String leaderAddress)
      implements RetryHint {}

  /**
   * The caller's descriptor of the tablet is older than the current one (split or move).
   *
   * @param currentDescriptor the serialized current descriptor (a {@code TabletDescriptor} on the
   *     wire) as the answering replica knows it, or null; opaque here, the rpc packages decode it
   */
  record TabletMoved(String tabletId, long callerEpoch, long currentEpoch, byte[] currentDescriptor)
      implements RetryHint {
    public TabletMoved(String tabletId, long callerEpoch, long currentEpoch) {
      this(tabletId, callerEpoch, currentEpoch, null);
    }
  }

  /** The transaction was aborted and may be retried from the start. */
  record TxnAborted(String txnId, AbortReason reason) implements RetryHint {}

  /** The node's clock is outside its bound; try another node. */
  record ClockFenced(String nodeId, String explanation) implements RetryHint {}
}
