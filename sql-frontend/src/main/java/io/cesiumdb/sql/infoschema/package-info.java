/**
 * {@code INFORMATION_SCHEMA}: the catalog as read-only SQL tables.
 *
 * <p><b>Role.</b> {@link io.cesiumdb.sql.infoschema.InformationSchema} adds the schema to every
 * planner's root schema and is the one place that says which schemas and tables a client sees (the
 * catalog's plus {@code INFORMATION_SCHEMA} itself); {@link
 * io.cesiumdb.sql.infoschema.SystemTables} lists the tables ({@code SCHEMATA}, {@code TABLES},
 * {@code COLUMNS}, {@code TABLE_CONSTRAINTS}, {@code KEY_COLUMN_USAGE}) with their columns and row
 * builders; a {@link io.cesiumdb.sql.infoschema.SystemTable} is scanned by {@code SystemTableScan},
 * which calls it at run time.
 *
 * <p><b>Neighbours.</b> Reads {@code io.cesiumdb.sql.catalog.Catalog}; column facts come from
 * {@code io.cesiumdb.sql.types.JdbcType}; {@code io.cesiumdb.sql.plan.StatementPlanner} mounts the
 * schema; {@code io.cesiumdb.sql.meta} answers the JDBC metadata calls from the same sources.
 *
 * <p><b>Invariants.</b> Rows are computed when a statement runs, never baked into a plan, so cached
 * plans stay correct; no transaction is involved (the catalog is not transactional). The tables are
 * read-only. {@code *_CATALOG} columns are NULL (no catalog level). Primary keys are the only
 * constraints, named {@code <TABLE>_PK}.
 */
package io.cesiumdb.sql.infoschema;
