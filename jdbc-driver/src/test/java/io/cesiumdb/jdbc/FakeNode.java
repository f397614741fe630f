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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.ConnectionPropertiesImpl;
import org.apache.calcite.avatica.proto.Common;
import org.apache.calcite.avatica.proto.Common.WireMessage;
import org.apache.calcite.avatica.proto.Requests;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.Service;

/**
 * A scripted stand-in for a node's SQL service on loopback: it answers the few Avatica requests a
 * connect, {@code isValid}, connection settings and close make (settings are echoed back), checks
 * one user's password, and records every request. Enough to run the driver without any server
 * module on the classpath.
 */
final class FakeNode extends SqlServiceGrpc.SqlServiceImplBase {
  static final String USER = "alice";
  static final String PASSWORD = "s3cret";

  private final ProtobufTranslationImpl translation = new ProtobufTranslationImpl();
  private final AtomicInteger closed = new AtomicInteger();
  private final List<AvaticaEnvelope> received = new CopyOnWriteArrayList<>();
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

  /** The type of every request received so far, in order. */
  List<String> requestTypes() {
    return received.stream().map(AvaticaEnvelope::getType).toList();
  }

  /** The properties of every {@code ConnectionSyncRequest} received so far, in order. */
  List<Common.ConnectionProperties> syncedProperties() throws InvalidProtocolBufferException {
    List<Common.ConnectionProperties> out = new ArrayList<>();
    for (AvaticaEnvelope e : received) {
      if (e.getType().equals("ConnectionSyncRequest")) {
        out.add(Requests.ConnectionSyncRequest.parseFrom(e.getBody()).getConnProps());
      }
    }
    return out;
  }

  void stop() throws InterruptedException {
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Override
  public void call(AvaticaEnvelope request, StreamObserver<AvaticaEnvelope> responses) {
    received.add(request);
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
        var sync = Requests.ConnectionSyncRequest.parseFrom(request.getBody());
        var echo = ConnectionPropertiesImpl.fromProto(sync.getConnProps()).setDirty(false);
        return new Service.ConnectionSyncResponse(echo, null);
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
