package io.cesiumdb.sql.pd;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.placement.CreateSchemaRequest;
import io.cesiumdb.proto.placement.CreateSchemaResponse;
import io.cesiumdb.proto.placement.CreateTableResponse;
import io.cesiumdb.proto.placement.DropTableResponse;
import io.cesiumdb.proto.placement.PlacementServiceGrpc;
import io.cesiumdb.proto.placement.TableDef;
import io.cesiumdb.sql.ddl.CreateSchemaCommand;
import io.cesiumdb.sql.ddl.CreateTableCommand;
import io.cesiumdb.sql.ddl.DdlCommand;
import io.cesiumdb.sql.ddl.DdlExecutor;
import io.cesiumdb.sql.ddl.DropTableCommand;
import io.cesiumdb.sql.ddl.SplitTableCommand;
import io.cesiumdb.txn.routing.PlacementCalls;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The production {@link DdlExecutor}: DDL as placement-driver RPCs, then a forced {@link
 * PdCatalog#refresh()} so the session's next statement plans against the change.
 *
 * <ul>
 *   <li>{@code CREATE SCHEMA} → {@code CreateSchema} (the PD honours {@code if_not_exists}).
 *   <li>{@code CREATE TABLE} → {@code CreateTable(TableDef, split points)}; the schema must exist
 *       ({@code SCHEMA_NOT_FOUND}, 3F000) although the PD would create it; {@code IF NOT EXISTS}
 *       turns the PD's {@code TABLE_EXISTS} into success.
 *   <li>{@code DROP TABLE} → {@code DropTable}; {@code IF EXISTS} turns {@code TABLE_NOT_FOUND} /
 *       {@code SCHEMA_NOT_FOUND} into success.
 *   <li>{@code ALTER TABLE … SPLIT AT} → {@link TabletSplitter} ({@code LookupTablet}, {@code
 *       SplitTablet}).
 * </ul>
 *
 * Existence is decided by the PD's answer, never by this node's cached catalog, so a stale cache
 * cannot skip a needed change. Each RPC gets one attempt as long as the whole DDL timeout: a slow
 * answer is awaited, not re-sent (PD writes are not idempotent). HAZARD: a connection lost after
 * delivery still re-sends; a CREATE then answers {@code TABLE_EXISTS} (42P07) although it
 * succeeded, a DROP {@code TABLE_NOT_FOUND}. Thread-safe; blocks the session thread.
 */
public final class PdDdlExecutor implements DdlExecutor {
  /** Deadline of one DDL RPC (creating a table starts Raft groups on several nodes): 30 s. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private final PlacementCalls pd;
  private final PdCatalog catalog;
  private final Duration timeout;
  private final TabletSplitter splitter;

  public PdDdlExecutor(PlacementCalls pd, PdCatalog catalog) {
    this(pd, catalog, DEFAULT_TIMEOUT);
  }

  /**
   * @param timeout the deadline of each placement-driver call a statement makes
   */
  public PdDdlExecutor(PlacementCalls pd, PdCatalog catalog, Duration timeout) {
    this.pd = pd;
    this.catalog = catalog;
    this.timeout = timeout;
    this.splitter = new TabletSplitter(pd, timeout);
  }

  @Override
  public void execute(DdlCommand command) {
    if (command instanceof CreateSchemaCommand c) {
      createSchema(c);
    } else if (command instanceof CreateTableCommand c) {
      createTable(c);
    } else if (command instanceof DropTableCommand c) {
      dropTable(c);
    } else if (command instanceof SplitTableCommand c) {
      splitter.split(c.table(), c.splitKey());
    } else {
      throw new CesiumException(ErrorCode.FEATURE_NOT_SUPPORTED, "DDL " + command);
    }
    catalog.refresh();
  }

  private void createSchema(CreateSchemaCommand c) {
    CreateSchemaRequest request =
        CreateSchemaRequest.newBuilder().setName(c.name()).setIfNotExists(c.ifNotExists()).build();
    await(
        pd.call(
            PlacementServiceGrpc.getCreateSchemaMethod(),
            request,
            CreateSchemaResponse::getError,
            timeout,
            timeout),
        Set.of());
  }

  private void createTable(CreateTableCommand c) {
    TableDef table = c.table();
    if (!catalog.hasSchema(table.getSchema())) {
      throw new CesiumException(ErrorCode.SCHEMA_NOT_FOUND, "no schema " + table.getSchema());
    }
    await(
        pd.call(
            PlacementServiceGrpc.getCreateTableMethod(),
            c.toRequest(),
            CreateTableResponse::getError,
            timeout,
            timeout),
        c.ifNotExists() ? Set.of(ErrorCode.TABLE_EXISTS) : Set.of());
  }

  private void dropTable(DropTableCommand c) {
    await(
        pd.call(
            PlacementServiceGrpc.getDropTableMethod(),
            c.toRequest(),
            DropTableResponse::getError,
            timeout,
            timeout),
        c.ifExists() ? Set.of(ErrorCode.TABLE_NOT_FOUND, ErrorCode.SCHEMA_NOT_FOUND) : Set.of());
  }

  /** Waits for {@code call}; the errors in {@code ignored} count as success. */
  private static void await(CompletableFuture<?> call, Set<ErrorCode> ignored) {
    try {
      PdFutures.await(call);
    } catch (CesiumException e) {
      if (!ignored.contains(e.code())) {
        throw e;
      }
    }
  }
}
