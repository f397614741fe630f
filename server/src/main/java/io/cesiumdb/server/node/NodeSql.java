package io.cesiumdb.server.node;

import io.cesiumdb.sql.exec.CoordinatorKvStore;
import io.cesiumdb.sql.meta.CesiumMeta;
import io.cesiumdb.sql.pd.PdAuthenticator;
import io.cesiumdb.sql.pd.PdCatalog;
import io.cesiumdb.sql.pd.PdDdlExecutor;
import io.cesiumdb.sql.session.SqlEngine;
import io.cesiumdb.sql.wire.SqlWireConfig;
import io.cesiumdb.sql.wire.SqlWireService;
import io.cesiumdb.truetime.TrueTime;
import io.cesiumdb.txn.routing.KeyRouter;
import io.cesiumdb.txn.routing.RouterConfig;
import io.cesiumdb.txn.rw.Transactions;
import io.grpc.BindableService;
import java.util.List;

/**
 * The node's SQL front end (issue 6): the JDBC driver's {@code SqlService} on the node's gRPC port,
 * served by a {@link SqlEngine} whose catalog and DDL go to the placement driver ({@link
 * PdCatalog}, {@link PdDdlExecutor}), whose rows go through the transaction layer ({@link
 * CoordinatorKvStore} over {@link Transactions} on this node's TrueTime) and whose users are the
 * PD's ({@link PdAuthenticator}).
 *
 * <p>Request flow: driver → gRPC {@code SqlService.Call} → {@link SqlWireService} (authentication,
 * Avatica protocol) → {@link CesiumMeta} → {@code SqlSession} → Calcite plan → {@code KvTxn} →
 * {@link KeyRouter} → tablet leaders. Nothing is contacted before the first request, so the node
 * starts before the placement driver has a leader.
 */
final class NodeSql implements AutoCloseable {
  private final KeyRouter router;
  private final Transactions txns;
  private final SqlWireService service;

  private NodeSql(KeyRouter router, Transactions txns, SqlWireService service) {
    this.router = router;
    this.txns = txns;
    this.service = service;
  }

  /**
   * The SQL front end of node {@code nodeId}, reaching the placement driver through {@code pdSeeds}
   * (any node's RPC address answers where the PD leader is) and advertising {@code selfAddress} to
   * clients.
   */
  static NodeSql start(String nodeId, String selfAddress, List<String> pdSeeds, TrueTime trueTime) {
    KeyRouter router =
        KeyRouter.builder()
            .placementAddresses(pdSeeds)
            .callerNodeId(nodeId)
            .config(RouterConfig.defaults())
            .build();
    Transactions txns = new Transactions(router, trueTime);
    PdCatalog catalog = new PdCatalog(router.placement());
    SqlEngine engine =
        new SqlEngine(
            catalog, new PdDdlExecutor(router.placement(), catalog), new CoordinatorKvStore(txns));
    SqlWireService service =
        SqlWireService.create(
            CesiumMeta.create(engine),
            new PdAuthenticator(router.placement()),
            SqlWireConfig.defaults(selfAddress));
    return new NodeSql(router, txns, service);
  }

  /** The gRPC service to add to the node's server. */
  BindableService service() {
    return service;
  }

  @Override
  public void close() {
    txns.close();
    router.close();
  }
}
