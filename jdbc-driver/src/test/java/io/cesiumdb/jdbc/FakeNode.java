package io.cesiumdb.jdbc;

import com.google.protobuf.InvalidProtocolBufferException;
import io.cesiumdb.proto.sql.AvaticaEnvelope;
import io.cesiumdb.proto.sql.SqlServiceGrpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.ConnectionPropertiesImpl;
import org.apache.calcite.avatica.proto.Common.WireMessage;
import org.apache.calcite.avatica.proto.Requests;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.Service;

/**
 * A scripted stand-in for a node's SQL service on loopback: it answers the few Avatica requests a
 * connect, {@code isValid} and close make, and checks one user's password. Enough to run the driver
 * without any server module on the classpath.
 */
final class FakeNode extends SqlServiceGrpc.SqlServiceImplBase {
  static final String USER = "alice";
  static final String PASSWORD = "s3cret";

  private final ProtobufTranslationImpl translation = new ProtobufTranslationImpl();
  private final AtomicInteger closed = new AtomicInteger();
  private Server server;

  static FakeNode start() throws IOException {
    FakeNode node = new FakeNode();
    InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    node.server =
        NettyServerBuilder.forAddress(loopback, InsecureServerCredentials.create())
            .addService(node)
            .build()
            .start();
    return node;
  }

  String url() {
    return "jdbc:cesium://127.0.0.1:" + server.getPort() + "/";
  }

  int closedConnections() {
    return closed.get();
  }

  void stop() throws InterruptedException {
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Override
  public void call(AvaticaEnvelope request, StreamObserver<AvaticaEnvelope> responses) {
    try {
      responses.onNext(envelope(answer(request)));
      responses.onCompleted();
    } catch (IOException e) {
      responses.onError(e);
    }
  }

  private Service.Response answer(AvaticaEnvelope request) throws InvalidProtocolBufferException {
    switch (request.getType()) {
      case "OpenConnectionRequest" -> {
        var open = Requests.OpenConnectionRequest.parseFrom(request.getBody());
        boolean ok =
            USER.equals(open.getInfoMap().get("user"))
                && PASSWORD.equals(open.getInfoMap().get("password"));
        return ok ? new Service.OpenConnectionResponse() : error("28P01", "bad credentials");
      }
      case "ConnectionSyncRequest" -> {
        return new Service.ConnectionSyncResponse(new ConnectionPropertiesImpl(), null);
      }
      case "CloseConnectionRequest" -> {
        closed.incrementAndGet();
        return new Service.CloseConnectionResponse();
      }
      default -> {
        return error("0A000", request.getType() + " is not scripted");
      }
    }
  }

  private static Service.ErrorResponse error(String sqlState, String message) {
    return new Service.ErrorResponse(List.of(), message, 0, sqlState, AvaticaSeverity.ERROR, null);
  }

  private AvaticaEnvelope envelope(Service.Response response) throws IOException {
    WireMessage wire = WireMessage.parseFrom(translation.serializeResponse(response));
    String name = wire.getName();
    return AvaticaEnvelope.newBuilder()
        .setType(name.substring(name.lastIndexOf('$') + 1))
        .setBody(wire.getWrappedMessage())
        .build();
  }
}
