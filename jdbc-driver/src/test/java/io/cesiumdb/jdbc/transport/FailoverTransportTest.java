package io.cesiumdb.jdbc.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.cesiumdb.proto.sql.AvaticaEnvelope;
import io.cesiumdb.proto.sql.SqlServiceGrpc;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Node choice and error mapping, on in-process channels named after the node. */
class FailoverTransportTest {
  private static final ChannelOpener IN_PROCESS =
      node -> InProcessChannelBuilder.forName(node.toString()).directExecutor().build();

  private final List<Server> servers = new ArrayList<>();
  private final List<FailoverTransport> transports = new ArrayList<>();
  private final HostAndPort a = new HostAndPort("a", 1);
  private final HostAndPort b = new HostAndPort("b", 2);
  private final HostAndPort c = new HostAndPort("c", 3);

  @AfterEach
  void stopEverything() {
    transports.forEach(FailoverTransport::close);
    servers.forEach(Server::shutdownNow);
  }

  @Test
  void firstCallFailsOverToTheNextListedNode() throws IOException {
    serve(b, new Echo("b"));
    serve(c, new Echo("c"));
    FailoverTransport transport = transport(List.of(a, b, c), 1_000);

    assertEquals("b:OpenConnectionRequest", transport.call(envelope(), 0).getType());
    assertEquals(Optional.of(b), transport.node());
    assertEquals("b:OpenConnectionRequest", transport.call(envelope(), 0).getType());
  }

  @Test
  void noNodeAnsweringIs08001WithEveryNodesReason() {
    FailoverTransport transport = transport(List.of(a, b), 1_000);

    AvaticaClientRuntimeException e =
        assertThrows(AvaticaClientRuntimeException.class, () -> transport.call(envelope(), 0));
    assertEquals("08001", e.getSqlState());
    assertTrue(e.getMessage().contains("a:1") && e.getMessage().contains("b:2"), e.getMessage());
    assertEquals(Optional.empty(), transport.node());
  }

  @Test
  void pinnedNodeGoneIs08006AndTheConnectionDoesNotMove() throws IOException {
    Server first = serve(a, new Echo("a"));
    serve(b, new Echo("b"));
    FailoverTransport transport = transport(List.of(a, b), 1_000);
    transport.call(envelope(), 0);

    first.shutdownNow();
    AvaticaClientRuntimeException e =
        assertThrows(AvaticaClientRuntimeException.class, () -> transport.call(envelope(), 0));
    assertEquals("08006", e.getSqlState());
    assertEquals(Optional.of(a), transport.node());
  }

  @Test
  void aNodeSlowerThanTheConnectTimeoutIsSkipped() throws IOException {
    CountDownLatch never = new CountDownLatch(1);
    serve(a, new Echo("a", never));
    serve(b, new Echo("b"));
    FailoverTransport transport = transport(List.of(a, b), 50);
    try {
      assertEquals("b:OpenConnectionRequest", transport.call(envelope(), 0).getType());
      assertEquals(Optional.of(b), transport.node());
    } finally {
      never.countDown();
    }
  }

  @Test
  void passedDeadlineAfterConnectIs57014NotAConnectionError() throws IOException {
    Echo slowLater = new Echo("a");
    serve(a, slowLater);
    FailoverTransport transport = transport(List.of(a), 1_000);
    transport.call(envelope(), 0);

    CountDownLatch never = new CountDownLatch(1);
    slowLater.block = never;
    try {
      AvaticaClientRuntimeException e =
          assertThrows(AvaticaClientRuntimeException.class, () -> transport.call(envelope(), 50));
      assertEquals("57014", e.getSqlState());
      assertEquals(Optional.of(a), transport.node());
    } finally {
      never.countDown();
    }
  }

  @Test
  void callsAfterCloseAre08003() throws IOException {
    serve(a, new Echo("a"));
    FailoverTransport transport = transport(List.of(a), 1_000);
    transport.call(envelope(), 0);
    transport.close();

    AvaticaClientRuntimeException e =
        assertThrows(AvaticaClientRuntimeException.class, () -> transport.call(envelope(), 0));
    assertEquals("08003", e.getSqlState());
  }

  private FailoverTransport transport(List<HostAndPort> nodes, long connectTimeoutMillis) {
    FailoverTransport transport = new FailoverTransport(nodes, IN_PROCESS, connectTimeoutMillis);
    transports.add(transport);
    return transport;
  }

  private Server serve(HostAndPort node, SqlServiceGrpc.SqlServiceImplBase service)
      throws IOException {
    Server server = InProcessServerBuilder.forName(node.toString()).addService(service).build();
    servers.add(server.start());
    return server;
  }

  private static AvaticaEnvelope envelope() {
    return AvaticaEnvelope.newBuilder()
        .setType("OpenConnectionRequest")
        .setBody(ByteString.copyFromUtf8("x"))
        .build();
  }

  /** Answers with its name and the request's type, after {@code block} opens. */
  private static final class Echo extends SqlServiceGrpc.SqlServiceImplBase {
    private final String name;
    volatile CountDownLatch block;

    Echo(String name) {
      this(name, new CountDownLatch(0));
    }

    Echo(String name, CountDownLatch block) {
      this.name = name;
      this.block = block;
    }

    @Override
    public void call(AvaticaEnvelope request, StreamObserver<AvaticaEnvelope> responses) {
      try {
        block.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      responses.onNext(request.toBuilder().setType(name + ":" + request.getType()).build());
      responses.onCompleted();
    }
  }
}
