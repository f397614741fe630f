package io.cesiumdb.tablet.txn.locks;

/**
 * How a transaction holds a span. Reads in a read-write transaction take {@link #SHARED} locks at
 * the leader; buffered writes take {@link #EXCLUSIVE} locks at prepare (or at commit for a
 * single-tablet transaction). Two locks of different transactions on overlapping spans conflict
 * unless both are shared.
 */
public enum LockMode {
  SHARED,
  EXCLUSIVE;

  /** True when a lock in this mode and one in {@code other} may be granted to two transactions. */
  public boolean compatibleWith(LockMode other) {
    return this == SHARED && other == SHARED;
  }

  /** True when holding this mode already gives what {@code wanted} asks for. */
  public boolean covers(LockMode wanted) {
    return this == EXCLUSIVE || wanted == SHARED;
  }
}
