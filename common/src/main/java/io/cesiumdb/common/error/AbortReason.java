package io.cesiumdb.common.error;

/** Why a transaction was aborted. Stable names: they appear in logs and on the wire. */
public enum AbortReason {
  /** An older transaction wanted a lock this one held (wound-wait). */
  WOUNDED,
  /** A lock or prepare could not be taken before the deadline. */
  LOCK_TIMEOUT,
  /** The client stopped sending keepalives. */
  ABANDONED,
  /** A participant refused to prepare. */
  PREPARE_FAILED,
  /** The coordinator gave up waiting for a participant. */
  COORDINATOR_TIMEOUT,
  /** A participant lost leadership while holding the transaction's locks. */
  LEADER_CHANGED,
  /**
   * The commit's answer was lost (a leader change or timeout after it was sent) and the tablet's
   * decision record, asked afterwards, showed it was not applied.
   */
  COMMIT_UNCONFIRMED,
  /** The client asked for it. */
  USER_ROLLBACK
}
