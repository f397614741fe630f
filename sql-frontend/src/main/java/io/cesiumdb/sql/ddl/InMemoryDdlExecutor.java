package io.cesiumdb.sql.ddl;

import io.cesiumdb.sql.catalog.InMemoryCatalog;

/**
 * {@link DdlExecutor} over an {@link InMemoryCatalog}, for tests and tools. There are no tablets,
 * so split points and {@code ALTER TABLE … SPLIT AT} are accepted and ignored; dropping a table
 * leaves its rows in the store (table ids are never reused, so nothing can see them again).
 */
public final class InMemoryDdlExecutor implements DdlExecutor {
  private final InMemoryCatalog catalog;

  public InMemoryDdlExecutor(InMemoryCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public void execute(DdlCommand command) {
    if (command instanceof CreateSchemaCommand c) {
      if (!(c.ifNotExists() && catalog.hasSchema(c.name()))) {
        catalog.createSchema(c.name());
      }
    } else if (command instanceof CreateTableCommand c) {
      boolean exists = catalog.table(c.table().getSchema(), c.table().getName()).isPresent();
      if (!(c.ifNotExists() && exists)) {
        catalog.createTable(c.table());
      }
    } else if (command instanceof DropTableCommand c) {
      if (!(c.ifExists() && catalog.table(c.schema(), c.name()).isEmpty())) {
        catalog.dropTable(c.schema(), c.name());
      }
    }
    // SplitTableCommand: no tablets in memory.
  }
}
