/**
 * The catalog as the SQL front end sees it, and its Calcite adapter.
 *
 * <p><b>Role.</b> {@link io.cesiumdb.sql.catalog.Catalog} answers "which schemas, which tables,
 * which {@code TableDef}" (placement.proto); {@link io.cesiumdb.sql.catalog.InMemoryCatalog} is the
 * test implementation; {@link io.cesiumdb.sql.catalog.CatalogSchemas#rootSchema} turns any catalog
 * into a Calcite root schema of {@link io.cesiumdb.sql.catalog.CesiumTable}s with their row types
 * ({@code io.cesiumdb.sql.types.ColumnTypes}), primary keys and column defaults ({@code
 * ColumnDefaults}). A {@code CesiumTable} is a {@code TranslatableTable}: its scan is {@code
 * io.cesiumdb.sql.plan.CesiumTableScan}.
 *
 * <p><b>Neighbours.</b> Later backed by the placement driver ({@code ListTables}/{@code GetTable}
 * behind a cache invalidated by {@code catalog_version}); read by the validator/planner and by
 * {@code io.cesiumdb.sql.ddl} (ALTER TABLE needs the key columns).
 *
 * <p><b>Case rule.</b> Unquoted identifiers are upper-cased by the parser (Calcite's default and
 * the SQL standard); quoted identifiers keep their case; matching is then exact. So {@code create
 * table t (id int primary key)} makes {@code PUBLIC.T(ID)}, {@code select id from t} finds it, and
 * {@code select "id" from t} does not. Chosen over lower-casing (PostgreSQL) because it needs no
 * Calcite overrides, matches {@code DatabaseMetaData.storesUpperCaseIdentifiers()} and the SQL
 * standard's INFORMATION_SCHEMA, and sqllogictest scripts are case-consistent either way.
 *
 * <p><b>Invariants.</b> Names are stored as parsed and never re-cased by the catalog. The adapter
 * holds no state: every lookup reads the catalog.
 */
package io.cesiumdb.sql.catalog;
