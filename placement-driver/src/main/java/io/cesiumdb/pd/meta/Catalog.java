package io.cesiumdb.pd.meta;

import io.cesiumdb.proto.placement.TableDef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Schemas and their tables. Schema {@link #DEFAULT_SCHEMA} is created by the PD leader at bootstrap
 * and never dropped (the handlers refuse it). Table ids come from {@link #nextTableId} (sequential
 * from 1, never reused); {@link #version} is bumped on every change. Mutated only by handlers.
 */
final class Catalog {
  /** The default schema's name, as SQL shows it (unquoted identifiers are upper-cased). */
  static final String DEFAULT_SCHEMA = "PUBLIC";

  /** schema → table name → table id. */
  private final Map<String, Map<String, Long>> schemas = new TreeMap<>();

  private final Map<Long, TableDef> tables = new TreeMap<>();
  private long nextTableId = 1;
  private long version;

  boolean hasSchema(String name) {
    return schemas.containsKey(name);
  }

  Set<String> schemaNames() {
    return Collections.unmodifiableSet(schemas.keySet());
  }

  Optional<TableDef> table(String schema, String name) {
    Long id = schemas.getOrDefault(schema, Map.of()).get(name);
    return id == null ? Optional.empty() : Optional.of(tables.get(id));
  }

  Optional<TableDef> table(long tableId) {
    return Optional.ofNullable(tables.get(tableId));
  }

  /** Tables of one schema, by name. */
  List<TableDef> tables(String schema) {
    List<TableDef> out = new ArrayList<>();
    schemas.getOrDefault(schema, Map.of()).values().forEach(id -> out.add(tables.get(id)));
    return out;
  }

  /** All tables, by id. */
  Collection<TableDef> allTables() {
    return Collections.unmodifiableCollection(tables.values());
  }

  long nextTableId() {
    return nextTableId;
  }

  long version() {
    return version;
  }

  void addSchema(String name) {
    schemas.put(name, new TreeMap<>());
    version++;
  }

  /** Adds a table whose id is {@link #nextTableId}, and advances the counter. */
  void addTable(TableDef table) {
    if (table.getTableId() != nextTableId) {
      throw new IllegalStateException("table id " + table.getTableId() + " != " + nextTableId);
    }
    schemas.get(table.getSchema()).put(table.getName(), table.getTableId());
    tables.put(table.getTableId(), table);
    nextTableId++;
    version++;
  }

  /** Removes an empty schema. */
  void removeSchema(String name) {
    if (!schemas.getOrDefault(name, Map.of()).isEmpty()) {
      throw new IllegalStateException("schema " + name + " is not empty");
    }
    schemas.remove(name);
    version++;
  }

  void removeTable(TableDef table) {
    schemas.get(table.getSchema()).remove(table.getName());
    tables.remove(table.getTableId());
    version++;
  }

  /** Restores the counters from a snapshot. */
  void restoreCounters(long nextTableId, long version) {
    this.nextTableId = nextTableId;
    this.version = version;
  }

  /** Restores a table from a snapshot without touching the counters. */
  void restoreTable(TableDef table) {
    schemas.get(table.getSchema()).put(table.getName(), table.getTableId());
    tables.put(table.getTableId(), table);
  }

  /** Restores a schema from a snapshot without touching the counters. */
  void restoreSchema(String name) {
    schemas.put(name, new TreeMap<>());
  }
}
