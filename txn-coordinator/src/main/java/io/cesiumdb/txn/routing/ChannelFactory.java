package io.cesiumdb.txn.routing;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannelBuilder;

/**
 * Makes the channel builder for one tablet address. The {@link ChannelPool} finishes the builder
 * (executor, caller-header interceptor) and builds it, so a factory only chooses the transport.
 *
 * <p>Production uses {@link #plaintext()} (Netty, resolved at run time from {@code
 * grpc-netty-shaded}). Unit tests pass {@code InProcessChannelBuilder::forName} and register their
 * fake tablet servers under the tablet address as the in-process name.
 */
@FunctionalInterface
public interface ChannelFactory {

  /** A builder for a channel to {@code address} (host:port, or an in-process name). */
  ManagedChannelBuilder<?> builderFor(String address);

  /**
   * Plaintext gRPC over TCP. Loopback clusters need no TLS yet; when nodes get certificates this is
   * where {@code TlsChannelCredentials} go (see the dependencies notes, gRPC §5.3).
   */
  static ChannelFactory plaintext() {
    return address -> Grpc.newChannelBuilder(address, InsecureChannelCredentials.create());
  }
}
