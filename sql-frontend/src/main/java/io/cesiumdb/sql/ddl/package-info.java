/**
 * DDL: parsed statements ({@code io.cesiumdb.sql.parser}) to validated commands for the placement
 * driver.
 *
 * <p><b>Role.</b> {@link io.cesiumdb.sql.ddl.DdlConverter} turns {@code CREATE SCHEMA}, {@code
 * CREATE TABLE} (columns, one primary key, NOT NULL, DEFAULT, {@code SPLIT AT}), {@code DROP TABLE
 * [IF EXISTS]} and {@code ALTER TABLE … SPLIT AT} into {@link io.cesiumdb.sql.ddl.DdlCommand}s: a
 * {@code TableDef} (placement.proto) plus split points as encoded keys ({@code
 * io.cesiumdb.sql.codec.KeyCodec}). This replaces Calcite's DDL executors: calcite-server's {@code
 * ServerDdlExecutor} rejects primary keys, and we execute against the placement driver anyway.
 *
 * <p><b>Neighbours.</b> Input from {@code CesiumParser}; types from {@code io.cesiumdb.sql.types};
 * key encoding from {@code codec}; {@code catalog} for ALTER TABLE. {@link
 * io.cesiumdb.sql.ddl.DdlExecutor} runs commands: {@link io.cesiumdb.sql.ddl.InMemoryDdlExecutor}
 * over {@code InMemoryCatalog} in tests; the production one (later) sends {@code
 * CreateTableRequest}/{@code DropTableRequest}/{@code SplitTabletRequest}; both honour {@code IF
 * [NOT] EXISTS}. The session ({@code io.cesiumdb.sql.session}) calls it.
 *
 * <p><b>Invariants.</b> A {@code CreateTableCommand}'s table has exactly one primary key of
 * existing NOT NULL columns, valid type arguments, defaults that fit their columns, table id 0 and
 * schema version 0 (the placement driver assigns both), and strictly increasing non-empty split
 * points. Errors: {@code VALIDATION_ERROR} (42000) for a wrong definition, {@code COLUMN_NOT_FOUND}
 * for a key naming no column, {@code FEATURE_NOT_SUPPORTED} for valid SQL we do not do, the {@code
 * ValueCoercer} codes for literals that do not fit ({@code NUMERIC_OUT_OF_RANGE}, {@code
 * DATA_EXCEPTION}); syntax errors come from the parser ({@code SYNTAX_ERROR} with line and column).
 */
package io.cesiumdb.sql.ddl;
