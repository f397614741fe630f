/**
 * Column types: the catalog's {@code ColumnType}/{@code ColumnDef} (placement.proto), Calcite's
 * {@code RelDataType}, and the Java class of each value inside the engine.
 *
 * <p><b>Role.</b> {@link io.cesiumdb.sql.types.ColumnTypes} maps between the catalog and Calcite;
 * {@link io.cesiumdb.sql.types.EngineValues} fixes the in-engine Java representation (Calcite's
 * internal one: DATE as {@code int} days, TIMESTAMP as {@code long} millis, VARBINARY as Avatica
 * {@code ByteString}); {@link io.cesiumdb.sql.types.ValueCoercer} makes a value fit a column
 * (length, precision, scale, NOT NULL) before it is stored; {@link
 * io.cesiumdb.sql.types.ValueOrder} defines SQL order, the contract of the key codec; {@link
 * io.cesiumdb.sql.types.CesiumTypeSystem} gives Calcite our limits (DECIMAL up to 38 digits).
 *
 * <p><b>Neighbours.</b> Used by {@code codec} (encodes engine values), {@code ddl} (builds
 * ColumnDefs from type specs), {@code catalog} (row types for Calcite) and, later, the planner and
 * executor.
 *
 * <p><b>Invariants.</b> Exactly ten types: BIGINT, INTEGER, SMALLINT, DOUBLE, DECIMAL(p, s),
 * VARCHAR(n), BOOLEAN, DATE, TIMESTAMP(p ≤ 3), VARBINARY(n); any other type is {@code
 * VALIDATION_ERROR}, never approximated. A value that passed {@code ValueCoercer.coerce(column, v)}
 * has exactly the class {@code EngineValues.javaClass(column.getType())}, and a DECIMAL has exactly
 * the column's scale.
 *
 * <p>HAZARD: Calcite's default character set for VARCHAR literals and types is ISO-8859-1; a
 * literal outside Latin-1 fails validation unless the JVM sets {@code calcite.default.charset}
 * (e.g. via {@code saffron.properties}). The planner must settle this before it ships.
 */
package io.cesiumdb.sql.types;
