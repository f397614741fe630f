package io.cesiumdb.sql.exec;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;

/** Active or ended, and the errors {@link KvTxn} promises for misuse. Not thread-safe. */
final class TxnLifecycle {
  private final String name;
  private boolean ended;

  TxnLifecycle(String name) {
    this.name = name;
  }

  void checkActive() {
    if (ended) {
      throw new CesiumException(ErrorCode.TXN_NOT_FOUND, name + " has ended");
    }
  }

  void checkWritable(boolean readOnly) {
    checkActive();
    if (readOnly) {
      throw new CesiumException(ErrorCode.TXN_READ_ONLY, "cannot write in a read-only transaction");
    }
  }

  boolean active() {
    return !ended;
  }

  void end() {
    ended = true;
  }
}
