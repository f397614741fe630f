package io.cesiumdb.txn.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cesiumdb.proto.rpc.CallerHeaders;
import io.cesiumdb.proto.tablet.ReplicaDescriptor;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.proto.tablet.WriteRequest;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The production transport on loopback: {@link ChannelFactory#plaintext()} over Netty. Checks what
 * the in-process unit tests cannot: that a refused TCP connection counts as "not delivered", so a
 * write to a dead leader is retried, and that the caller header survives real HTTP/2.
 */
class PlaintextChannelIT {
  private final FakeTablet live = new FakeTablet("n2", "pending");
  private Server server;
  private String liveAddress;

  @BeforeEach
  void start() throws IOException {
    ServerInterceptor captureCaller =
        new ServerInterceptor() {
          @Override
          public <Q, S> ServerCall.Listener<Q> interceptCall(
              ServerCall<Q, S> call, Metadata headers, ServerCallHandler<Q, S> next) {
            String caller = headers.get(CallerHeaders.CALLER_NODE);
            live.callers.add(caller == null ? "none" : caller);
            return next.startCall(call, headers);
          }
        };
    server =
        Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
            .addService(ServerInterceptors.intercept(live, captureCaller))
            .build()
            .start();
    liveAddress = "127.0.0.1:" + server.getPort();
  }

  @AfterEach
  void stop() throws InterruptedException {
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  private static int refusedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort(); // closed on return: connecting to it is refused
    }
  }

  @Test
  void aWriteToARefusingDeadLeaderIsRetriedOnTheLiveOne() throws IOException {
    String deadAddress = "127.0.0.1:" + refusedPort();
    TabletDescriptor tablet =
        TabletDescriptor.newBuilder()
            .setTabletId(FakeCluster.TABLET_ID)
            .addReplicas(
                ReplicaDescriptor.newBuilder().setNodeId("n1").setTabletAddress(deadAddress))
            .addReplicas(
                ReplicaDescriptor.newBuilder().setNodeId("n2").setTabletAddress(liveAddress))
            .build();
    try (TabletRouter router =
        TabletRouter.builder().config(FakeCluster.TEST_CONFIG).callerNodeId("n9").build()) {
      router.leaders().update(FakeCluster.TABLET_ID, new Endpoint("n1", deadAddress));

      long commitTs =
          router.blocking().write(tablet, WriteRequest.getDefaultInstance()).getCommitTs();

      assertEquals(100, commitTs);
      assertEquals(1, live.writes.get());
      assertEquals(List.of("n9"), live.callers);
      assertEquals(
          new Endpoint("n2", liveAddress),
          router.leaders().get(FakeCluster.TABLET_ID).orElseThrow());
    }
  }
}
