package io.cesiumdb.sql.ddl;

import com.google.protobuf.ByteString;
import io.cesiumdb.proto.placement.TableDef;

/**
 * {@code ALTER TABLE t SPLIT AT (v, …)}: split the tablet of {@code table} that holds {@code
 * splitKey} at that key. The executor finds the tablet ({@code LookupTablet} with keyspace = table
 * id) and sends {@code SplitTablet}; a key already at a tablet boundary needs no split.
 */
public record SplitTableCommand(TableDef table, ByteString splitKey) implements DdlCommand {}
