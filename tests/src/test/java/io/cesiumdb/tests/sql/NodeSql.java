package io.cesiumdb.tests.sql;

import io.cesiumdb.server.demo.LocalCluster;
import io.cesiumdb.server.node.Node;
import io.cesiumdb.sql.exec.CoordinatorKvStore;
import io.cesiumdb.sql.pd.PdCatalog;
import io.cesiumdb.sql.pd.PdDdlExecutor;
import io.cesiumdb.sql.session.SqlEngine;
import io.cesiumdb.txn.routing.KeyRouter;
import io.cesiumdb.txn.routing.RouterConfig;
import io.cesiumdb.txn.rw.Transactions;
import java.time.Duration;
import java.util.List;

/**
 * One node's SQL front end, wired as a node's composition root should wire it: a {@link KeyRouter}
 * to every node's RPC address (any node answers GetLeader), {@link Transactions} on the node's
 * TrueTime, and a {@link SqlEngine} over {@link PdCatalog} + {@link PdDdlExecutor} (both on the
 * router's {@code placement()}) + {@link CoordinatorKvStore}.
 */
final class NodeSql implements AutoCloseable {
  /** Longer than the default 10 s: a busy 2-core box may elect leaders of new tablets slowly. */
  private static final RouterConfig ROUTER =
      RouterConfig.defaults().withOverallDeadline(Duration.ofSeconds(20));

  final Node node;
  final KeyRouter router;
  final Transactions txns;
  final PdCatalog catalog;
  final PdDdlExecutor ddl;
  final SqlEngine engine;

  NodeSql(LocalCluster cluster, String nodeId) {
    node = cluster.node(nodeId);
    List<String> addresses =
        cluster.nodeIds().stream().map(id -> cluster.config(id).rpcAddress()).toList();
    router =
        KeyRouter.builder()
            .placementAddresses(addresses)
            .callerNodeId(nodeId)
            .config(ROUTER)
            .build();
    txns = new Transactions(router, node.trueTime());
    catalog = new PdCatalog(router.placement());
    ddl = new PdDdlExecutor(router.placement(), catalog);
    engine = new SqlEngine(catalog, ddl, new CoordinatorKvStore(txns));
  }

  @Override
  public void close() {
    txns.close();
    router.close();
  }
}
