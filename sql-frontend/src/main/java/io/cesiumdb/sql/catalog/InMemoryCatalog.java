package io.cesiumdb.sql.catalog;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.placement.TableDef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link Catalog} held in memory, with the placement driver's rules for ids and versions: table
 * ids are sequential from 1 and never reused, a new table gets schema version 1, every change bumps
 * {@link #version()}. For tests and tools; thread-safe (one lock).
 */
public final class InMemoryCatalog implements Catalog {
  private final Map<String, Map<String, TableDef>> schemas = new TreeMap<>();
  private long nextTableId = 1;
  private long version;

  /** A catalog that holds just the empty {@link #DEFAULT_SCHEMA}. */
  public static InMemoryCatalog withDefaultSchema() {
    InMemoryCatalog c = new InMemoryCatalog();
    c.createSchema(DEFAULT_SCHEMA);
    return c;
  }

  @Override
  public synchronized List<String> schemas() {
    return List.copyOf(schemas.keySet());
  }

  @Override
  public synchronized boolean hasSchema(String schema) {
    return schemas.containsKey(schema);
  }

  @Override
  public synchronized List<TableDef> tables(String schema) {
    return List.copyOf(schemas.getOrDefault(schema, Map.of()).values());
  }

  @Override
  public synchronized Optional<TableDef> table(String schema, String name) {
    return Optional.ofNullable(schemas.getOrDefault(schema, Map.of()).get(name));
  }

  @Override
  public synchronized long version() {
    return version;
  }

  /** Adds an empty schema; {@code VALIDATION_ERROR} if it exists. */
  public synchronized void createSchema(String name) {
    if (schemas.putIfAbsent(name, new TreeMap<>()) != null) {
      throw new CesiumException(ErrorCode.VALIDATION_ERROR, "schema " + name + " already exists");
    }
    version++;
  }

  /** Adds a table (its id must be 0) and returns it with its new id and schema version 1. */
  public synchronized TableDef createTable(TableDef def) {
    Map<String, TableDef> tables = schema(def.getSchema());
    if (tables.containsKey(def.getName())) {
      throw new CesiumException(
          ErrorCode.TABLE_EXISTS, "table " + def.getSchema() + "." + def.getName() + " exists");
    }
    if (def.getTableId() != 0) {
      throw new CesiumException(ErrorCode.INVALID_ARGUMENT, "table_id is allocated here");
    }
    TableDef table = def.toBuilder().setTableId(nextTableId++).setSchemaVersion(1).build();
    tables.put(table.getName(), table);
    version++;
    return table;
  }

  /** Removes a table and returns what it was; {@code TABLE_NOT_FOUND} if absent. */
  public synchronized TableDef dropTable(String schema, String name) {
    TableDef removed = schema(schema).remove(name);
    if (removed == null) {
      throw new CesiumException(ErrorCode.TABLE_NOT_FOUND, "no table " + schema + "." + name);
    }
    version++;
    return removed;
  }

  private Map<String, TableDef> schema(String name) {
    Map<String, TableDef> tables = schemas.get(name);
    if (tables == null) {
      throw new CesiumException(ErrorCode.SCHEMA_NOT_FOUND, "no schema " + name);
    }
    return tables;
  }
}
