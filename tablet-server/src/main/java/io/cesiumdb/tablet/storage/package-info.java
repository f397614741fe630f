/**
 * Storage of the tablet server: multi-version key-value data of every tablet replica on a node,
 * plus per-tablet metadata, in one RocksDB instance per node.
 *
 * <h2>Role</h2>
 *
 * <p>A tablet is Spanner's bag of {@code (key, timestamp) -> value} (OSDI12 §2.1). This package
 * stores those bags, answers reads at a timestamp (the primitive under snapshot reads and safe-time
 * reads, OSDI12 §4.1.3), applies each Raft log entry as one atomic batch together with the applied
 * index, and exports or imports one tablet's key range as the Raft snapshot of that tablet. It
 * knows nothing of Raft, locks, transactions or SQL; timestamps arrive already chosen.
 *
 * <h2>Map</h2>
 *
 * <pre>
 *  contract        MvccStore ─ MvccReadView (read, scan, getMeta, versions) ─ MvccSnapshot
 *                  ─ MvccWriteBatch (put, tombstone, deleteVersion, deleteRange, meta)
 *                  VersionedValue, ScanResult, VersionCursor (every version, for GC), StorageException
 *  MVCC logic      MvccReader: visibility, tombstones, seek-past-versions, paging; engine-neutral,
 *                  written once over RawView / RawCursor (package-private); RawVersionCursor
 *  engines         RocksMvccStore (production) = RocksResources (options, shared cache,
 *                  WriteBufferManager) + RocksRawView/RocksCursor + RocksWriteBatch
 *                  + RocksRangeTransfer (SstFileWriter export, ingestExternalFile import)
 *                  InMemoryMvccStore (tests of higher layers) = InMemoryRawView/InMemoryCursor
 *                  + InMemoryWriteBatch + InMemoryRangeFiles
 *  shared          ReadGate (no use during/after close), GatedSnapshot, ExportManifest
 *  encodings       KeyCodec + MvccKey (data keys), MetaKeyCodec (meta keys), ValueCodec (data
 *                  values), KeyEncoder/KeyDecoder (primary-key columns for the SQL layer),
 *                  OrderedBytes (the byte-level primitives they share)
 * </pre>
 *
 * <h2>Key types</h2>
 *
 * <ul>
 *   <li><b>keyspace</b> ({@code long}): the table id. All tablets of a table share it, so a tablet
 *       is just a user-key range inside it and a split moves no data.
 *   <li><b>user key</b> ({@code byte[]}): the encoded primary key of a row ({@link
 *       io.cesiumdb.tablet.storage.KeyEncoder}); opaque here, compared as unsigned bytes.
 *   <li><b>ts</b> ({@code long}): commit timestamp in microseconds (the truetime module's unit),
 *       non-negative.
 *   <li><b>tablet id</b> ({@code long}): names a tablet's meta entries (applied index and term).
 * </ul>
 *
 * <p>Byte layouts, an example sort order and the rejected designs: {@code
 * docs/design/mvcc-encoding.md}.
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li>Encoded data keys sort by (keyspace signed, user key unsigned, ts descending) under
 *       RocksDB's default bytewise comparator; no custom comparator exists.
 *   <li>A read at ts sees, per key, the newest version with commit ts {@code <= ts}; a tombstone
 *       there means absent. Versions are never rewritten by reads. Only {@code deleteVersion}
 *       (multi-version GC, {@code io.cesiumdb.tablet.gc}) and {@code deleteRange} (a tablet's range
 *       discarded) remove versions; a snapshot taken before either still sees what they removed.
 *   <li>{@link io.cesiumdb.tablet.storage.MvccStore#apply} is atomic across the data and meta
 *       column families, so an applied Raft entry and its applied index are durable together.
 *   <li>A tablet export is taken from one point in time (one RocksDB snapshot); an import writes
 *       meta last.
 *   <li>Keyspace and tablet id {@code Long.MAX_VALUE} are reserved (every range needs an exclusive
 *       upper bound).
 * </ul>
 *
 * <h2>Neighbours</h2>
 *
 * <p>Used by {@code io.cesiumdb.tablet.replication} (TabletStateMachine: applies entries, takes and
 * installs tablet snapshots with {@code exportRange}/{@code importRange}) and the request handlers
 * (reads at a timestamp, scans with resume keys). Depends on RocksDB JNI and SLF4J only. The
 * conformance suite {@code AbstractMvccStoreTest} (test sources) is the contract any engine must
 * pass.
 *
 * <h2>Related code elsewhere</h2>
 *
 * <p>TiKV {@code components/txn_types/src/types.rs} ({@code Key::append_ts}, the encoding we
 * follow); CockroachDB {@code pkg/storage/mvcc_key.go} (the alternative we rejected); Ignite 3
 * {@code AbstractMvPartitionStorageTest} (the shape of our conformance suite).
 */
package io.cesiumdb.tablet.storage;
