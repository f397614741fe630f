package io.cesiumdb.txn.routing;

import static io.cesiumdb.txn.routing.KeyRouterSplitIT.failure;
import static io.cesiumdb.txn.routing.KeyRouterSplitIT.join;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.placement.CreateSchemaRequest;
import io.cesiumdb.proto.placement.CreateSchemaResponse;
import io.cesiumdb.proto.placement.PlacementServiceGrpc;
import io.grpc.inprocess.InProcessChannelBuilder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link KeyRouter#placement()}: any PD RPC through the router's PD client, two fake members. */
class PlacementCallsTest {
  private static final CreateSchemaRequest CREATE =
      CreateSchemaRequest.newBuilder().setName("S").build();

  private final SchemaPdMember pd1 = new SchemaPdMember();
  private final SchemaPdMember pd2 = new SchemaPdMember();
  private final KeyRouter router =
      KeyRouter.builder()
          .placementAddresses(List.of(pd1.address, pd2.address))
          .channelFactory(InProcessChannelBuilder::forName)
          .config(FakeCluster.TEST_CONFIG)
          .build();

  @AfterEach
  void stop() {
    router.close();
    pd1.close();
    pd2.close();
  }

  private CompletableFuture<CreateSchemaResponse> createSchema() {
    return router
        .placement()
        .call(PlacementServiceGrpc.getCreateSchemaMethod(), CREATE, CreateSchemaResponse::getError);
  }

  @Test
  void aNotLeaderHintIsFollowedAndTheLeaderRemembered() {
    pd1.role = SchemaPdMember.Role.FOLLOWER;
    pd1.leaderAddress = pd2.address;
    pd2.answer = CreateSchemaResponse.newBuilder().setCreated(true).setCatalogVersion(7).build();

    assertEquals(7, join(createSchema()).getCatalogVersion());
    assertEquals(pd2.address, router.placement().knownLeader());
    join(createSchema());

    assertEquals(1, pd1.calls.get(), "the second call goes straight to the known leader");
    assertEquals(2, pd2.calls.get());
  }

  @Test
  void aNonRoutingErrorFailsAtOnceWithItsOwnCode() {
    pd1.answer =
        CreateSchemaResponse.newBuilder()
            .setError(SchemaPdMember.error(ErrorCode.VALIDATION_ERROR, "schema S already exists"))
            .build();
    pd2.answer = pd1.answer;

    CesiumException e = failure(createSchema());

    assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
    assertTrue(e.getMessage().contains("already exists"), e.getMessage());
    assertEquals(1, pd1.calls.get() + pd2.calls.get(), "not retried");
  }

  @Test
  void membersThatStayUnavailableEndInUnavailableAtTheDeadline() {
    pd1.role = SchemaPdMember.Role.DOWN;
    pd2.role = SchemaPdMember.Role.DOWN;
    long t0 = System.nanoTime();

    CesiumException e =
        failure(
            router
                .placement()
                .call(
                    PlacementServiceGrpc.getCreateSchemaMethod(),
                    CREATE,
                    CreateSchemaResponse::getError,
                    Duration.ofMillis(300),
                    Duration.ofMillis(100)));

    assertEquals(ErrorCode.UNAVAILABLE, e.code(), e.getMessage());
    assertTrue(System.nanoTime() - t0 >= Duration.ofMillis(300).toNanos());
    assertTrue(pd1.calls.get() >= 1 && pd2.calls.get() >= 1, "both members tried");
  }

  @Test
  void anAttemptThatOutlivesItsTimeoutIsSentAgainWithinTheDeadline() {
    pd2.role = SchemaPdMember.Role.DOWN;
    pd1.hold = true;
    pd1.answer = CreateSchemaResponse.newBuilder().setCatalogVersion(3).build();

    CompletableFuture<CreateSchemaResponse> f =
        router
            .placement()
            .call(
                PlacementServiceGrpc.getCreateSchemaMethod(),
                CREATE,
                CreateSchemaResponse::getError,
                Duration.ofSeconds(5),
                Duration.ofMillis(50));
    Await.until("a second attempt at pd1", () -> pd1.calls.get() >= 2);
    assertFalse(f.isDone());
    pd1.hold = false;

    assertEquals(3, join(f).getCatalogVersion());
  }

  @Test
  void badArgumentsFailTheFutureInsteadOfThrowing() {
    CompletableFuture<CreateSchemaResponse> f =
        router
            .placement()
            .call(
                PlacementServiceGrpc.getCreateSchemaMethod(), null, CreateSchemaResponse::getError);
    assertEquals(ErrorCode.INVALID_ARGUMENT, failure(f).code());
    CompletableFuture<CreateSchemaResponse> g =
        router
            .placement()
            .call(
                PlacementServiceGrpc.getCreateSchemaMethod(),
                CREATE,
                CreateSchemaResponse::getError,
                Duration.ZERO,
                Duration.ofSeconds(1));
    assertEquals(ErrorCode.INVALID_ARGUMENT, failure(g).code());
    assertEquals(0, pd1.calls.get() + pd2.calls.get());
  }

  @Test
  void aClosedRouterAnswersShuttingDown() {
    PlacementCalls calls = router.placement();
    router.close();

    CesiumException e =
        failure(
            calls.call(
                PlacementServiceGrpc.getCreateSchemaMethod(),
                CREATE,
                CreateSchemaResponse::getError));

    assertEquals(ErrorCode.SHUTTING_DOWN, e.code(), e.getMessage());
  }

  @Test
  void aRouterWithoutPlacementAddressesHasNoPlacementCalls() {
    try (KeyRouter local =
        KeyRouter.builder()
            .directory((keyspace, key, timeout) -> new CompletableFuture<>())
            .channelFactory(InProcessChannelBuilder::forName)
            .build()) {
      assertThrows(IllegalStateException.class, local::placement);
    }
  }
}
