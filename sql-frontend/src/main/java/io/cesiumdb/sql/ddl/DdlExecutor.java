package io.cesiumdb.sql.ddl;

/**
 * Runs validated DDL against whatever owns the catalog: the placement driver in production ({@code
 * CreateTable}/{@code DropTable}/{@code SplitTablet}), {@link InMemoryDdlExecutor} in tests.
 * Implementations honour {@code IF [NOT] EXISTS} themselves (no placement request carries them) and
 * must leave the {@code Catalog} the session plans against showing the change, with a new {@code
 * Catalog.version()}, by the time {@link #execute} returns.
 */
public interface DdlExecutor {
  void execute(DdlCommand command);
}
