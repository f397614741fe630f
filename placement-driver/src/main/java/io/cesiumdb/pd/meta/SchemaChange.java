package io.cesiumdb.pd.meta;

/**
 * What CreateSchema and DropSchema return: the schema, whether the command changed anything ({@code
 * false} when {@code if_not_exists} / {@code if_exists} found nothing to do) and the catalog
 * version after it, which a SQL node compares with its cached catalog.
 */
public record SchemaChange(String name, boolean changed, long catalogVersion) {}
