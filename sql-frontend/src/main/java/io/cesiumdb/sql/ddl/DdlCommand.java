package io.cesiumdb.sql.ddl;

/**
 * A validated DDL statement, ready for the placement driver: what {@link DdlConverter} produces
 * from a parsed statement. Carries no Calcite types, so the executor that sends it needs none.
 */
public sealed interface DdlCommand
    permits CreateSchemaCommand, CreateTableCommand, DropTableCommand, SplitTableCommand {}
