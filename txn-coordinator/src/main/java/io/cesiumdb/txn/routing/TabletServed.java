package io.cesiumdb.txn.routing;

import io.cesiumdb.proto.tablet.TabletDescriptor;

/**
 * Told which tablet served (part of) a key-addressed transactional read or scan, and at which
 * timestamp. The transaction layer uses it to know its participants: the tablets whose leaders now
 * hold its shared locks and must later be released ({@code AbortTxn}) or kept alive ({@code
 * TouchTxn}). Called on the router's callback threads, once per read and once per scan page; it
 * must be quick and thread-safe.
 */
@FunctionalInterface
public interface TabletServed {
  /** Does nothing. */
  TabletServed NONE = (tablet, readTs, txnTerm) -> {};

  /**
   * @param tablet the descriptor the request was sent with (its leader answered)
   * @param readTs the timestamp the tablet served the request at
   * @param txnTerm for a txn read, the leader term whose lock table holds the lock (0 otherwise)
   */
  void served(TabletDescriptor tablet, long readTs, long txnTerm);
}
