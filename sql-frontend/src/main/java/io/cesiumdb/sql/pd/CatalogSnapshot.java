package io.cesiumdb.sql.pd;

import io.cesiumdb.proto.placement.GetCatalogResponse;
import io.cesiumdb.proto.placement.SchemaDef;
import io.cesiumdb.proto.placement.TableDef;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One immutable copy of the placement driver's catalog at {@code version}, as {@link PdCatalog}
 * serves it until the next refresh.
 *
 * @param version the PD's {@code catalog_version}
 * @param schemas schema name → its tables by name (both sorted)
 * @param fetchStartedNanos {@code System.nanoTime()} when the GetCatalog request that confirmed
 *     this version was sent: the snapshot holds every change acknowledged before that instant
 */
record CatalogSnapshot(
    long version, Map<String, Map<String, TableDef>> schemas, long fetchStartedNanos) {

  /** The snapshot a full GetCatalog answer describes. */
  static CatalogSnapshot of(GetCatalogResponse r, long fetchStartedNanos) {
    Map<String, Map<String, TableDef>> schemas = new TreeMap<>();
    for (SchemaDef s : r.getSchemasList()) {
      schemas.put(s.getName(), new TreeMap<>());
    }
    for (TableDef t : r.getTablesList()) {
      schemas.computeIfAbsent(t.getSchema(), k -> new TreeMap<>()).put(t.getName(), t);
    }
    Map<String, Map<String, TableDef>> frozen = new TreeMap<>();
    schemas.forEach((name, tables) -> frozen.put(name, Collections.unmodifiableMap(tables)));
    return new CatalogSnapshot(
        r.getCatalogVersion(), Collections.unmodifiableMap(frozen), fetchStartedNanos);
  }

  /** The same catalog, confirmed current by a fetch started at {@code nanos}. */
  CatalogSnapshot confirmedAt(long nanos) {
    return new CatalogSnapshot(version, schemas, nanos);
  }

  List<String> schemaNames() {
    return List.copyOf(schemas.keySet());
  }

  boolean hasSchema(String schema) {
    return schemas.containsKey(schema);
  }

  List<TableDef> tables(String schema) {
    return List.copyOf(schemas.getOrDefault(schema, Map.of()).values());
  }

  Optional<TableDef> table(String schema, String name) {
    return Optional.ofNullable(schemas.getOrDefault(schema, Map.of()).get(name));
  }
}
