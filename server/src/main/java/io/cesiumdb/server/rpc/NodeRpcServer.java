package io.cesiumdb.server.rpc;

import io.cesiumdb.server.node.NodeConfig;
import io.cesiumdb.truetime.TrueTime;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The node's gRPC server on a real port of the configured host, hosting the node services. */
public final class NodeRpcServer implements AutoCloseable {
  private final Server server;

  private NodeRpcServer(Server server) {
    this.server = server;
  }

  /** Binds the configured host and port (0 = any free port) and starts serving. */
  public static NodeRpcServer start(NodeConfig config, TrueTime trueTime, boolean clockSimulated)
      throws IOException {
    AtomicInteger boundPort = new AtomicInteger(config.rpcPort());
    NodeServiceImpl service =
        new NodeServiceImpl(config.nodeId(), trueTime, clockSimulated, boundPort::get);
    InetSocketAddress bind = new InetSocketAddress(config.host(), config.rpcPort());
    Server server =
        NettyServerBuilder.forAddress(bind, InsecureServerCredentials.create())
            .addService(service)
            .build()
            .start();
    boundPort.set(server.getPort());
    return new NodeRpcServer(server);
  }

  /** The port actually bound. */
  public int port() {
    return server.getPort();
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
