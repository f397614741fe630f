/**
 * Multi-version garbage collection, the storage half (issue 5; docs/design/transactions.md §6):
 * which versions a GC pass removes, at which horizon, and which running reads hold it back.
 *
 * <h2>Map</h2>
 *
 * <pre>
 *  GcPolicy     h = max(0, min(TT.now().earliest − retention, oldest active read here))
 *  GcConfig     retention (1 h), interval between passes (60 s), max removals per batch (10,000)
 *  ActiveReads  the reads running at one replica, by read ts (register / close / oldest)
 *  VersionGc    per key, the removals GC at h makes, added to an MvccWriteBatch, in bounded calls
 *  GcResult     how many removals one call added, and the key to resume at
 * </pre>
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li>Reads at any {@code ts >= h} answer exactly as before GC at {@code h}, after every batch
 *       (not only after the last): per key, the newest version {@code <= h} is kept unless it is a
 *       tombstone, and a tombstone is removed only together with every version below it.
 *   <li>After a complete pass nothing older than the newest version {@code <= h} of a key survives,
 *       nor that version if it is a tombstone.
 *   <li>{@link io.cesiumdb.tablet.gc.VersionGc#collect} is a pure function of the view, the range,
 *       {@code h} and the bound, so replicas applying the same {@code GcBelow{h}} at the same log
 *       position remove the same versions.
 *   <li>A read through an {@code MvccSnapshot} taken before a GC batch was applied still sees the
 *       versions that batch removed (RocksDB snapshots pin them): that, not the horizon alone, is
 *       what keeps a running read safe.
 * </ul>
 *
 * <h2>Neighbours</h2>
 *
 * <p>Uses {@code storage} ({@code MvccReadView#versions}, {@code MvccWriteBatch#deleteVersion}) and
 * {@code truetime} ({@code TTInterval}). Used by the replication layer: a periodic driver at the
 * leader computes {@code h} with {@link io.cesiumdb.tablet.gc.GcPolicy} and {@link
 * io.cesiumdb.tablet.gc.ActiveReads} and proposes {@code GcBelow{h}}; its apply handler runs {@link
 * io.cesiumdb.tablet.gc.VersionGc} over the tablet's range; reads below the applied horizon fail
 * with TXN_SNAPSHOT_TOO_OLD.
 *
 * <h2>Hazards</h2>
 *
 * <ul>
 *   <li>A read that registers after the driver sampled {@code ActiveReads#oldest} is not covered by
 *       the horizon being proposed, and reads at other replicas are not counted at all. Reads must
 *       check their ts against the applied horizon consistently with the data they read (the same
 *       snapshot, or a re-check after reading) to fail cleanly instead of missing versions.
 *   <li>Resuming a bounded pass at {@link io.cesiumdb.tablet.gc.GcResult#resumeKey} is only correct
 *       once the previous batch is applied.
 * </ul>
 *
 * <p>Related code elsewhere: CockroachDB {@code pkg/kv/kvserver/mvcc_gc_queue.go} and {@code
 * pkg/storage/mvcc.go} ({@code MVCCGarbageCollect}); TiKV {@code src/server/gc_worker}.
 */
package io.cesiumdb.tablet.gc;
