package io.cesiumdb.server.rpc;

import io.cesiumdb.server.node.NodeConfig;
import io.cesiumdb.server.node.NodeOptions;
import io.cesiumdb.truetime.TrueTime;
import io.grpc.BindableService;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The node's gRPC server on a real port of the configured host. It hosts the node service, the
 * tablet service and, on a PD member, the placement service, all behind the fault-injecting
 * interceptor.
 */
public final class NodeRpcServer implements AutoCloseable {
  /**
   * Largest request the node accepts: 64 MiB. A JDBC batch or a large prepared statement travels as
   * one SqlService envelope; gRPC's default of 4 MiB would refuse it with RESOURCE_EXHAUSTED.
   */
  static final int MAX_MESSAGE_BYTES = 64 << 20;

  private final Server server;

  private NodeRpcServer(Server server) {
    this.server = server;
  }

  /**
   * Binds the configured host and port (0 = any free port) and starts serving. {@code delayer} must
   * be single-threaded; it delays messages on links the fault plan slows down.
   */
  public static NodeRpcServer start(
      NodeConfig config,
      TrueTime trueTime,
      NodeOptions options,
      BindableService tabletService,
      ScheduledExecutorService delayer)
      throws IOException {
    return start(config, trueTime, options, tabletService, List.of(), delayer);
  }

  /** As below, without admin services. */
  public static NodeRpcServer start(
      NodeConfig config,
      TrueTime trueTime,
      NodeOptions options,
      BindableService tabletService,
      List<BindableService> moreServices,
      ScheduledExecutorService delayer)
      throws IOException {
    return start(config, trueTime, options, tabletService, moreServices, List.of(), delayer);
  }

  /**
   * As above, also hosting {@code moreServices} (the placement driver's, on a node running a PD
   * member) behind the same interceptor, and {@code adminServices} (the fault admin) outside it, so
   * that no injected partition can cut the admin off its own node.
   */
  public static NodeRpcServer start(
      NodeConfig config,
      TrueTime trueTime,
      NodeOptions options,
      BindableService tabletService,
      List<BindableService> moreServices,
      List<BindableService> adminServices,
      ScheduledExecutorService delayer)
      throws IOException {
    AtomicInteger boundPort = new AtomicInteger(config.rpcPort());
    FaultInjectingInterceptor faults =
        new FaultInjectingInterceptor(config.nodeId(), options.faults(), delayer);
    NodeServiceImpl node =
        new NodeServiceImpl(config.nodeId(), trueTime, options.clockSimulated(), boundPort::get);
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(
                new InetSocketAddress(config.host(), config.rpcPort()),
                InsecureServerCredentials.create())
            .maxInboundMessageSize(MAX_MESSAGE_BYTES)
            .addService(ServerInterceptors.intercept(node, faults))
            .addService(ServerInterceptors.intercept(tabletService, faults));
    for (BindableService more : moreServices) {
      builder.addService(ServerInterceptors.intercept(more, faults));
    }
    adminServices.forEach(builder::addService);
    Server server = builder.build().start();
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
