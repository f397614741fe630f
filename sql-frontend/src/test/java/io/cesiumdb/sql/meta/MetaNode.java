package io.cesiumdb.sql.meta;

import io.cesiumdb.sql.catalog.InMemoryCatalog;
import io.cesiumdb.sql.ddl.InMemoryDdlExecutor;
import io.cesiumdb.sql.exec.InMemoryKvStore;
import io.cesiumdb.sql.session.SqlEngine;
import io.cesiumdb.sql.wire.PasswordAuthenticator;
import io.cesiumdb.sql.wire.SqlWireConfig;
import io.cesiumdb.sql.wire.SqlWireService;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A node as the server wires it, in memory: {@link SqlEngine} over an {@link InMemoryCatalog},
 * {@link InMemoryDdlExecutor} and {@link InMemoryKvStore}, {@link CesiumMeta} behind {@link
 * SqlWireService} on an ephemeral loopback port. Clients are the real driver (in a reactor build,
 * its shaded jar) through {@code DriverManager}.
 */
final class MetaNode implements AutoCloseable {
  static final String USER = "alice";
  static final String PASSWORD = "s3cret";

  final InMemoryCatalog catalog = InMemoryCatalog.withDefaultSchema();
  final SqlEngine engine;
  final CesiumMeta meta;
  private final Server server;

  private MetaNode(CesiumMetaConfig config) throws IOException {
    engine = new SqlEngine(catalog, new InMemoryDdlExecutor(catalog), new InMemoryKvStore());
    meta = CesiumMeta.create(engine, config);
    SqlWireService service =
        SqlWireService.create(
            meta,
            PasswordAuthenticator.of(Map.of(USER, PASSWORD)),
            SqlWireConfig.defaults("meta test node"));
    InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    server =
        NettyServerBuilder.forAddress(loopback, InsecureServerCredentials.create())
            .addService(service)
            .build()
            .start();
  }

  static MetaNode start() throws IOException {
    return start(CesiumMetaConfig.defaults());
  }

  static MetaNode start(CesiumMetaConfig config) throws IOException {
    return new MetaNode(config);
  }

  /** {@code jdbc:cesium://127.0.0.1:<port>/} — append a schema. */
  String url() {
    return "jdbc:cesium://127.0.0.1:" + server.getPort() + "/";
  }

  Connection connect() throws SQLException {
    return connect("");
  }

  Connection connect(String schema) throws SQLException {
    return DriverManager.getConnection(url() + schema, USER, PASSWORD);
  }

  /** Runs statements on a fresh connection (autocommit). */
  void run(String... sqls) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      for (String sql : sqls) {
        s.execute(sql);
      }
    }
  }

  /** Every row of {@code rs}, each as a list of {@code getObject} values; closes it. */
  static List<List<Object>> rows(ResultSet rs) throws SQLException {
    List<List<Object>> out = new ArrayList<>();
    try (rs) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getObject(i));
        }
        out.add(row);
      }
    }
    return out;
  }

  /** The values of column {@code label} in every row of {@code rs}; closes it. */
  static List<String> column(ResultSet rs, String label) throws SQLException {
    List<String> out = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        out.add(rs.getString(label));
      }
    }
    return out;
  }

  @Override
  public void close() {
    server.shutdownNow();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
