package io.cesiumdb.sql.ddl;

/** {@code CREATE SCHEMA [IF NOT EXISTS] name}. */
public record CreateSchemaCommand(String name, boolean ifNotExists) implements DdlCommand {}
