package io.cesiumdb.tablet.txn.locks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Shorthands for the lock table tests: spans from strings, requests, and future assertions. */
final class LockFixtures {
  private LockFixtures() {}

  static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static LockSpan key(String k) {
    return LockSpan.key(b(k));
  }

  /** {@code [start, end)}; an empty end is unbounded. */
  static LockSpan range(String start, String end) {
    return LockSpan.range(b(start), b(end));
  }

  static TxnLockRequest s(String txn, long ts, LockSpan span) {
    return TxnLockRequest.shared(txn, ts, span);
  }

  static TxnLockRequest x(String txn, long ts, LockSpan span) {
    return TxnLockRequest.exclusive(txn, ts, span);
  }

  static void assertGranted(CompletableFuture<Void> f) {
    assertTrue(f.isDone() && !f.isCompletedExceptionally(), "expected granted, was " + f);
  }

  static void assertWaiting(CompletableFuture<Void> f) {
    assertFalse(f.isDone(), "expected waiting, was " + f);
  }

  static CesiumException assertFailed(CompletableFuture<Void> f, ErrorCode code) {
    assertTrue(f.isCompletedExceptionally(), "expected failed with " + code + ", was " + f);
    try {
      f.join();
    } catch (CompletionException e) {
      CesiumException ce = CesiumException.from(e);
      assertEquals(code, ce.code(), ce.getMessage());
      return ce;
    }
    return fail("unreachable");
  }

  /** A listener that remembers which transactions it was told to abort, and why. */
  static final class RecordingListener implements WoundListener {
    final List<String> txnIds = new ArrayList<>();
    final List<CesiumException> reasons = new ArrayList<>();

    @Override
    public synchronized void mustAbort(String txnId, CesiumException reason) {
      txnIds.add(txnId);
      reasons.add(reason);
    }
  }
}
