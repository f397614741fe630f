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

  /** The caller's descriptor of the tablet is older than the current one (split or move). */
  record TabletMoved(String tabletId, long callerEpoch, long currentEpoch) implements RetryHint {}

  /** The transaction was aborted and may be retried from the start. */
  record TxnAborted(String txnId, AbortReason reason) implements RetryHint {}

  /** The node's clock is outside its bound; try another node. */
  record ClockFenced(String nodeId, String explanation) implements RetryHint {}
}
