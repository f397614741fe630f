package io.cesiumdb.tablet.replication.apply;

import io.cesiumdb.proto.tablet.TabletDescriptor;
import java.util.Objects;

/**
 * What applying one entry did, beyond the mutations a handler put in the batch: the applied max
 * timestamp after it, whether the command was refused (deterministically, the same on every
 * replica, so nothing of it was applied), and for a split the two new descriptors.
 *
 * @param maxTs the highest commit timestamp applied after this entry
 * @param refusal null if applied; otherwise why not (sent back to the proposer as the reply)
 * @param left the tablet's own descriptor after a split, or null
 * @param right the new right-hand tablet's descriptor after a split, or null
 * @param leaseUpto a timestamp lease bound this entry applied, or 0
 */
public record ApplyOutcome(
    long maxTs, String refusal, TabletDescriptor left, TabletDescriptor right, long leaseUpto) {

  public ApplyOutcome {
    if ((left == null) != (right == null)) {
      throw new IllegalArgumentException("a split has both halves");
    }
  }

  /** The entry applied; nothing but data changed. */
  public static ApplyOutcome applied(long maxTs) {
    return new ApplyOutcome(maxTs, null, null, null, 0);
  }

  /**
   * The prefix of a refusal about a transaction's state (already decided), as opposed to one about
   * the tablet's range: the proposer answers TXN_ABORTED rather than TABLET_MOVED.
   */
  public static final String TXN_REFUSAL = "txn: ";

  /** The entry was refused because of the transaction's state; it changed nothing. */
  public static ApplyOutcome txnRefused(long maxTs, String why) {
    return refused(maxTs, TXN_REFUSAL + why);
  }

  /** The entry was refused and changed nothing; {@code why} reaches the proposer. */
  public static ApplyOutcome refused(long maxTs, String why) {
    return new ApplyOutcome(maxTs, Objects.requireNonNull(why, "why"), null, null, 0);
  }

  /** The tablet split: it keeps {@code left}, and {@code right} is a new tablet. */
  public static ApplyOutcome split(long maxTs, TabletDescriptor left, TabletDescriptor right) {
    return new ApplyOutcome(
        maxTs, null, Objects.requireNonNull(left), Objects.requireNonNull(right), 0);
  }

  /** A timestamp lease up to {@code upto}: no data, the applied max timestamp stays. */
  public static ApplyOutcome lease(long maxTs, long upto) {
    if (upto <= 0) {
      throw new IllegalArgumentException("lease bound must be positive: " + upto);
    }
    return new ApplyOutcome(maxTs, null, null, null, upto);
  }

  public boolean isRefused() {
    return refusal != null;
  }

  public boolean isSplit() {
    return left != null;
  }
}
