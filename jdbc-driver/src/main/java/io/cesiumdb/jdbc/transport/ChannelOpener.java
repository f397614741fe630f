package io.cesiumdb.jdbc.transport;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;

/**
 * Opens the gRPC channel to one node. Production uses {@link #plaintext()}; tests pass in-process
 * channels named after the node.
 */
@FunctionalInterface
public interface ChannelOpener {
  /** Largest response accepted: Avatica frames carry whole batches of rows. */
  int MAX_MESSAGE_BYTES = 64 << 20;

  /** Returns a new channel to {@code node}; it connects lazily, on the first call. */
  ManagedChannel open(HostAndPort node);

  /** Plaintext HTTP/2 over Netty (NIO). TODO(#6): TLS, once nodes serve it. */
  static ChannelOpener plaintext() {
    return node ->
        NettyChannelBuilder.forAddress(node.host(), node.port())
            .usePlaintext()
            .maxInboundMessageSize(MAX_MESSAGE_BYTES)
            .build();
  }
}
