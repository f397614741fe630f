package io.cesiumdb.txn.routing;

/**
 * Where a {@code SNAPSHOT} read tries first. A follower serves a timestamp only once its safe time
 * has passed it, and safe time trails the clock by up to one safe-time tick; a ready leader serves
 * any timestamp up to now at once (it raises its read floor). So a snapshot at {@code
 * TT.now().latest} — every read-only transaction that must see everything acknowledged before it
 * began — would be refused by almost every follower, costing a wasted round trip two times in
 * three; it goes to the cached leader first. A snapshot in the past (time travel, bounded
 * staleness) is what followers are for.
 */
public enum SnapshotRoute {
  /** Rotate over every replica; the leader after a follower cannot serve. */
  ANY_REPLICA,
  /** The cached leader first; other replicas when no leader is known or it fails. */
  LEADER_FIRST
}
