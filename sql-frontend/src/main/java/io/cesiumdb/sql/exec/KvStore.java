package io.cesiumdb.sql.exec;

/**
 * Where {@link KvTxn}s come from: one per node, shared by every session. Thread-safe. A session
 * asks for a read-write transaction for DML and explicit read-write transactions, and for a
 * read-only one (a lock-free snapshot) for autocommit queries and {@code READ ONLY} transactions.
 */
public interface KvStore {
  /** A read-write transaction; its reads see the latest committed data (under locks, remotely). */
  KvTxn begin();

  /** A read-only transaction at a snapshot that includes every commit acknowledged before it. */
  KvTxn beginReadOnly();
}
