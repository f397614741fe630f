package io.cesiumdb.sql.catalog;

import io.cesiumdb.proto.placement.TableDef;
import java.util.List;
import java.util.Optional;

/**
 * What the SQL front end needs to know about schemas and tables. Names are compared exactly: they
 * are stored as the parser produced them (unquoted identifiers upper-cased, quoted ones verbatim;
 * see {@code io.cesiumdb.sql.parser.CesiumParser}). The production implementation (later) reads the
 * placement driver's catalog through a cache keyed by its {@code catalog_version}; {@link
 * InMemoryCatalog} serves tests.
 *
 * <p>Implementations are thread-safe; every method returns a consistent snapshot of its own answer,
 * and {@link #version()} changes whenever any answer may have changed.
 */
public interface Catalog {
  /** The schema a session starts in, created at bootstrap. */
  String DEFAULT_SCHEMA = "PUBLIC";

  /** Schema names, sorted. */
  List<String> schemas();

  boolean hasSchema(String schema);

  /** The tables of {@code schema}, sorted by name; empty when the schema has none or is unknown. */
  List<TableDef> tables(String schema);

  Optional<TableDef> table(String schema, String name);

  /** Changes on every catalog change: part of a plan-cache key. */
  long version();
}
