package io.cesiumdb.tablet.txn.locks;

import java.util.List;

/**
 * Test hook: sees every grant under the table's monitor, with every granted lock of the table at
 * that moment (the new one included). Production tables have none; the snapshot is only built when
 * an observer is set.
 */
@FunctionalInterface
interface GrantObserver {
  void granted(TxnLockRequest request, List<LockHolder> allHolders);
}
