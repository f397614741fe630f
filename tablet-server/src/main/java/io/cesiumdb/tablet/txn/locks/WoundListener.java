package io.cesiumdb.tablet.txn.locks;

import io.cesiumdb.common.error.CesiumException;

/**
 * How the lock table tells its owner that a transaction must be aborted: it was wounded by an older
 * transaction ({@code TXN_WOUNDED}), or it sent no keepalive for too long ({@code TXN_ABORTED} with
 * reason {@code ABANDONED}). The table does not abort anything itself: the owner aborts the
 * transaction (through Raft if it has logged anything) and then calls {@link
 * LockTable#releaseAll(String)}, which is what lets the waiters behind it proceed.
 *
 * <p>Called outside the table's monitor, on the thread whose call caused it, so it may call back
 * into the table; it should not block. It may be called more than once for one transaction (for
 * example wounded, then expired). Exceptions it throws are logged and ignored.
 */
@FunctionalInterface
public interface WoundListener {
  void mustAbort(String txnId, CesiumException reason);
}
