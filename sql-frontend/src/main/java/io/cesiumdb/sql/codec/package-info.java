/**
 * Rows to KV bytes and back: the order-preserving primary-key codec and the row value codec.
 *
 * <p><b>Role.</b> The KV layer (txn-coordinator {@code Transaction}: read/scan/put/delete by
 * keyspace = table id and key bytes) stores opaque bytes in unsigned lexicographic key order, and
 * tablets are ranges of that order. {@link io.cesiumdb.sql.codec.KeyCodec} makes that order the SQL
 * order of primary-key tuples, so a filter on a key prefix becomes one {@link
 * io.cesiumdb.sql.codec.KeyRange} and split points are encoded keys. {@link
 * io.cesiumdb.sql.codec.RowValueCodec} packs the other columns with a NULL bitmap and the table's
 * schema version. {@link io.cesiumdb.sql.codec.TableRowCodec} does a whole row.
 *
 * <p><b>Neighbours.</b> Input values are engine values ({@code io.cesiumdb.sql.types.EngineValues})
 * already coerced to their column ({@code ValueCoercer}); {@code ddl} encodes split points here;
 * the planner (later) turns key predicates into {@code KeyRange}s; the executor (later) writes and
 * reads rows with {@code TableRowCodec}.
 *
 * <p><b>Invariants.</b> (1) {@code compareUnsigned(enc(a), enc(b)) ~ ValueOrder(a, b)} per column,
 * lexicographic over the tuple. (2) Each column's encoding is self-delimiting, so {@code
 * enc(prefix)} is a byte prefix of {@code enc(tuple)} and of nothing else. (3) {@code
 * decode(encode(x)) = x} (DECIMAL at the column's scale; {@code -0.0} and NaN payloads normalised).
 * (4) The byte layouts are on-disk formats: changing one needs a new format (keys: a migration;
 * values: a new {@code RowValueCodec.FORMAT}). Layouts are documented on {@code OrderedCodes},
 * {@code OrderedDecimal} and {@code RowValueCodec}.
 *
 * <p><b>Rejected.</b> UTF-8 for VARCHAR keys: its byte order is code point order, which differs
 * from Java's {@code String.compareTo} (Calcite's runtime order) for characters above U+FFFF versus
 * U+E000..U+FFFF, so a pushed-down key range could disagree with the residual filter. The UTF-16
 * unit encoding keeps ASCII one byte and is exact. Tagging every key column with a NULL/type byte
 * (CockroachDB style): key columns are NOT NULL and typed by the catalog, so the tag byte is waste.
 * Descending key columns are not supported yet.
 */
package io.cesiumdb.sql.codec;
