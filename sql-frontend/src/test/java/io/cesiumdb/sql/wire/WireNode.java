package io.cesiumdb.sql.wire;

import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.calcite.avatica.jdbc.JdbcMeta;

/**
 * One "node" for the wire tests: the SQL gRPC service on an ephemeral loopback port, over Avatica's
 * {@code JdbcMeta} wrapping Calcite's own JDBC driver with {@link HrSchema} as schema {@code hr}.
 * It stands in for the real engine, which is another {@code Meta} behind the same service.
 */
final class WireNode implements AutoCloseable {
  static final String USER = "alice";
  static final String PASSWORD = "s3cret";

  private static final String MODEL =
      "inline:{version: '1.0', defaultSchema: 'hr', schemas: [{name: 'hr', type: 'custom',"
          + " factory: 'org.apache.calcite.adapter.java.ReflectiveSchema$Factory',"
          + " operand: {class: '"
          + HrSchema.class.getName()
          + "'}, functions: [{name: 'FAIL_UNIQUE', className: '"
          + HrSchema.class.getName()
          + "', methodName: 'failUnique'}]}]}";

  private final Server server;

  private WireNode(Server server) {
    this.server = server;
  }

  static WireNode start() throws IOException, SQLException {
    Properties calcite = new Properties();
    calcite.setProperty("model", MODEL);
    calcite.setProperty("lex", "JAVA");
    SqlWireService service =
        SqlWireService.create(
            new JdbcMeta("jdbc:calcite:", calcite),
            PasswordAuthenticator.of(Map.of(USER, PASSWORD)),
            SqlWireConfig.defaults("loopback test node"));
    InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    Server server =
        NettyServerBuilder.forAddress(loopback, InsecureServerCredentials.create())
            .addService(service)
            .build()
            .start();
    return new WireNode(server);
  }

  int port() {
    return server.getPort();
  }

  /** {@code jdbc:cesium://127.0.0.1:<port>/} — append a schema. */
  String url() {
    return "jdbc:cesium://127.0.0.1:" + port() + "/";
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
