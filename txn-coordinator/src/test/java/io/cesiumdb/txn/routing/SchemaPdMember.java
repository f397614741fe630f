package io.cesiumdb.txn.routing;

import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.errors.ErrorDetail;
import io.cesiumdb.proto.errors.NotLeader;
import io.cesiumdb.proto.placement.CreateSchemaRequest;
import io.cesiumdb.proto.placement.CreateSchemaResponse;
import io.cesiumdb.proto.placement.GetLeaderRequest;
import io.cesiumdb.proto.placement.GetLeaderResponse;
import io.cesiumdb.proto.placement.PlacementServiceGrpc;
import io.grpc.Server;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake placement driver member on an in-process server, for {@link PlacementCalls}: answers
 * CreateSchema as the leader (with {@link #answer}, or holding the answer until {@link #release}
 * when {@link #hold} is set), as a follower (NOT_LEADER hinting {@link #leaderAddress}), or down
 * (UNAVAILABLE). GetLeader knows nothing (answers an empty address).
 */
final class SchemaPdMember extends PlacementServiceGrpc.PlacementServiceImplBase
    implements AutoCloseable {
  enum Role {
    LEADER,
    FOLLOWER,
    DOWN
  }

  private static final AtomicInteger NAMES = new AtomicInteger();

  final String address = "fake-pd-" + NAMES.incrementAndGet() + ":7000";
  final AtomicInteger calls = new AtomicInteger();
  volatile Role role = Role.LEADER;
  volatile String leaderAddress = "";
  volatile CreateSchemaResponse answer = CreateSchemaResponse.getDefaultInstance();
  volatile boolean hold;
  private final List<CompletableFuture<Void>> held = new CopyOnWriteArrayList<>();
  private final Server server;

  SchemaPdMember() {
    try {
      server = InProcessServerBuilder.forName(address).directExecutor().addService(this).build();
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void createSchema(CreateSchemaRequest r, StreamObserver<CreateSchemaResponse> out) {
    calls.incrementAndGet();
    ErrorDetail refusal = refusal();
    CreateSchemaResponse response =
        refusal == null ? answer : CreateSchemaResponse.newBuilder().setError(refusal).build();
    if (hold && refusal == null) {
      CompletableFuture<Void> gate = new CompletableFuture<>();
      held.add(gate);
      gate.thenRun(() -> reply(out, response));
    } else {
      reply(out, response);
    }
  }

  @Override
  public void getLeader(GetLeaderRequest r, StreamObserver<GetLeaderResponse> out) {
    reply(out, GetLeaderResponse.getDefaultInstance());
  }

  /** Sends every held answer (to callers that may have given up on it already). */
  void release() {
    held.forEach(g -> g.complete(null));
  }

  static ErrorDetail error(ErrorCode code, String message) {
    return ErrorDetail.newBuilder().setCode(code.id()).setMessage(message).build();
  }

  private ErrorDetail refusal() {
    return switch (role) {
      case LEADER -> null;
      case FOLLOWER ->
          error(ErrorCode.NOT_LEADER, "not the PD leader").toBuilder()
              .setNotLeader(NotLeader.newBuilder().setLeaderAddress(leaderAddress))
              .build();
      case DOWN -> error(ErrorCode.UNAVAILABLE, "PD has no quorum");
    };
  }

  private static <T> void reply(StreamObserver<T> out, T response) {
    try {
      out.onNext(response);
      out.onCompleted();
    } catch (RuntimeException cancelled) {
      // the caller gave up on this attempt (deadline): nothing to answer
    }
  }

  @Override
  public void close() {
    release();
    server.shutdownNow();
  }
}
