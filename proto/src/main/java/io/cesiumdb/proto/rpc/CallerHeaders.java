package io.cesiumdb.proto.rpc;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;

/**
 * The {@code cesium-caller-node} request header: which node sent a call. Part of the wire format
 * between nodes; the receiving side uses it for network fault injection and logging. Clients that
 * are not nodes (JDBC, tests) send no header.
 */
public final class CallerHeaders {
  /** The calling node's id. */
  public static final Metadata.Key<String> CALLER_NODE =
      Metadata.Key.of("cesium-caller-node", Metadata.ASCII_STRING_MARSHALLER);

  private CallerHeaders() {}

  /** A client interceptor that stamps every call on a channel with {@code nodeId}. */
  public static ClientInterceptor stamp(String nodeId) {
    return new ClientInterceptor() {
      @Override
      public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(
          MethodDescriptor<ReqT, RespT> method, CallOptions options, Channel next) {
        return new ForwardingClientCall.SimpleForwardingClientCall<>(
            next.newCall(method, options)) {
          @Override
          public void start(Listener<RespT> listener, Metadata headers) {
            headers.put(CALLER_NODE, nodeId);
            super.start(listener, headers);
          }
        };
      }
    };
  }
}
