package io.cesiumdb.pd.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.proto.errors.ErrorDetail;
import io.cesiumdb.proto.placement.AuthenticateRequest;
import io.cesiumdb.proto.placement.ColumnDef;
import io.cesiumdb.proto.placement.ColumnType;
import io.cesiumdb.proto.placement.CreateSchemaRequest;
import io.cesiumdb.proto.placement.CreateSchemaResponse;
import io.cesiumdb.proto.placement.CreateTableRequest;
import io.cesiumdb.proto.placement.CreateUserRequest;
import io.cesiumdb.proto.placement.CreateUserResponse;
import io.cesiumdb.proto.placement.DropSchemaRequest;
import io.cesiumdb.proto.placement.DropSchemaResponse;
import io.cesiumdb.proto.placement.DropTableRequest;
import io.cesiumdb.proto.placement.DropUserRequest;
import io.cesiumdb.proto.placement.GetCatalogRequest;
import io.cesiumdb.proto.placement.GetCatalogResponse;
import io.cesiumdb.proto.placement.JoinRequest;
import io.cesiumdb.proto.placement.ListSchemasRequest;
import io.cesiumdb.proto.placement.ListSchemasResponse;
import io.cesiumdb.proto.placement.ListUsersRequest;
import io.cesiumdb.proto.placement.MetaSnapshot;
import io.cesiumdb.proto.placement.PlacementServiceGrpc.PlacementServiceBlockingStub;
import io.cesiumdb.proto.placement.SchemaDef;
import io.cesiumdb.proto.placement.TableDef;
import io.cesiumdb.proto.placement.UserInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schemas, the catalog snapshot and users over gRPC on three PD members: PUBLIC exists from the
 * first answer of a new cluster and is created once; schema DDL moves the catalog version that
 * GetCatalog reports; users authenticate at the leader; followers answer NOT_LEADER with the hint.
 */
class CatalogAndUsersClusterTest {
  private static final Duration ELECTION = Duration.ofSeconds(10);

  @TempDir Path dir;
  private PdCluster cluster;

  @AfterEach
  void tearDown() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void publicExistsFromBootstrapAndSchemaDdlMovesTheCatalogVersion() throws Exception {
    cluster = PdCluster.start(dir, 3);
    int first = cluster.awaitLeader(ELECTION);
    PlacementServiceBlockingStub leader = cluster.stub(first);
    ListSchemasResponse fresh = leader.listSchemas(ListSchemasRequest.getDefaultInstance());
    assertOk(fresh.getError());
    assertEquals(List.of("PUBLIC"), names(fresh.getSchemasList()));
    assertEquals(1, fresh.getCatalogVersion());

    CreateSchemaResponse app = leader.createSchema(createSchema("app", false));
    assertOk(app.getError());
    assertEquals(2, app.getCatalogVersion());
    assertTrue(app.getCreated());
    assertEquals("SQL-2", leader.createSchema(createSchema("app", false)).getError().getCode());
    CreateSchemaResponse again = leader.createSchema(createSchema("app", true));
    assertOk(again.getError());
    assertFalse(again.getCreated());
    assertEquals(2, again.getCatalogVersion());

    join(leader, "n1", "n2", "n3");
    assertOk(leader.createTable(table("app", "t")).getError());
    GetCatalogResponse full = leader.getCatalog(GetCatalogRequest.getDefaultInstance());
    assertOk(full.getError());
    assertEquals(3, full.getCatalogVersion());
    assertFalse(full.getUnchanged());
    assertEquals(List.of("PUBLIC", "app"), names(full.getSchemasList()));
    assertEquals(List.of("t"), full.getTablesList().stream().map(TableDef::getName).toList());
    assertUnchangedAt(leader, 3);

    ErrorDetail notEmpty = leader.dropSchema(dropSchema("app", false)).getError();
    assertEquals("SQL-2", notEmpty.getCode());
    assertTrue(notEmpty.getMessage().contains("not empty"), notEmpty.getMessage());
    assertUnchangedAt(leader, 3);

    assertOk(
        leader
            .dropTable(DropTableRequest.newBuilder().setSchema("app").setName("t").build())
            .getError());
    GetCatalogResponse changed =
        leader.getCatalog(GetCatalogRequest.newBuilder().setKnownVersion(3).build());
    assertFalse(changed.getUnchanged());
    assertEquals(4, changed.getCatalogVersion());
    assertEquals(0, changed.getTablesCount());

    DropSchemaResponse dropped = leader.dropSchema(dropSchema("app", false));
    assertOk(dropped.getError());
    assertTrue(dropped.getDropped());
    assertEquals(5, dropped.getCatalogVersion());
    assertEquals("CAT-1", leader.dropSchema(dropSchema("app", false)).getError().getCode());
    assertFalse(leader.dropSchema(dropSchema("app", true)).getDropped());
    assertEquals("SQL-2", leader.dropSchema(dropSchema("PUBLIC", true)).getError().getCode());

    // A new leader finds PUBLIC and logs nothing: the version does not move.
    cluster.halt(first);
    PlacementServiceBlockingStub next = cluster.stub(cluster.awaitLeader(ELECTION));
    ListSchemasResponse after = next.listSchemas(ListSchemasRequest.getDefaultInstance());
    assertOk(after.getError());
    assertEquals(List.of("PUBLIC"), names(after.getSchemasList()));
    assertEquals(5, after.getCatalogVersion());
  }

  @Test
  void usersAuthenticateAtTheLeaderAndOnlyHashesAreReplicated() throws Exception {
    cluster = PdCluster.start(dir, 3);
    PlacementServiceBlockingStub leader = cluster.stub(cluster.awaitLeader(ELECTION));

    CreateUserResponse alice = leader.createUser(createUser("alice", "pw1-secret"));
    assertOk(alice.getError());
    assertTrue(alice.getCreated());
    assertOk(leader.authenticate(auth("alice", "pw1-secret")).getError());
    ErrorDetail wrong = leader.authenticate(auth("alice", "pw2")).getError();
    ErrorDetail unknown = leader.authenticate(auth("mallory", "pw1-secret")).getError();
    assertEquals("AUTH-1", wrong.getCode());
    assertEquals("AUTH-1", unknown.getCode());
    assertTrue(wrong.getMessage().contains("alice"), wrong.getMessage());

    assertEquals("SQL-2", leader.createUser(createUser("alice", "other")).getError().getCode());
    CreateUserResponse ifNotExists =
        leader.createUser(createUser("alice", "other").toBuilder().setIfNotExists(true).build());
    assertOk(ifNotExists.getError());
    assertFalse(ifNotExists.getCreated());
    CreateUserResponse bootstrap =
        leader.createUser(createUser("cesium", "x").toBuilder().setOnlyIfNoUsers(true).build());
    assertOk(bootstrap.getError());
    assertFalse(bootstrap.getCreated(), "a cluster with a user is not bootstrapped again");
    assertEquals("CMN-2", leader.createUser(createUser("bob", "")).getError().getCode());
    assertEquals(
        List.of("alice"),
        leader.listUsers(ListUsersRequest.getDefaultInstance()).getUsersList().stream()
            .map(UserInfo::getName)
            .toList());
    assertOk(leader.authenticate(auth("alice", "pw1-secret")).getError());

    cluster.awaitSameState(ELECTION);
    for (PlacementDriver member : cluster.live()) {
      byte[] bytes = member.snapshotBytes();
      assertEquals(1, MetaSnapshot.parseFrom(bytes).getUsersCount(), member.nodeId());
      assertFalse(
          new String(bytes, StandardCharsets.ISO_8859_1).contains("pw1-secret"),
          "the password is not in " + member.nodeId() + "'s state");
    }

    assertTrue(leader.dropUser(dropUser("alice", false)).getDropped());
    assertEquals("AUTH-1", leader.authenticate(auth("alice", "pw1-secret")).getError().getCode());
    assertEquals("SQL-2", leader.dropUser(dropUser("alice", false)).getError().getCode());
    assertFalse(leader.dropUser(dropUser("alice", true)).getDropped());
  }

  @Test
  void followerAnswersNotLeaderToEveryCatalogAndUserRpc() throws Exception {
    cluster = PdCluster.start(dir, 3);
    int leader = cluster.awaitLeader(ELECTION);
    String leaderId = cluster.member(leader).nodeId();
    String leaderAddress =
        cluster.member(leader).config().peer(leaderId).orElseThrow().serviceAddress();
    int follower = (leader + 1) % 3;
    PdCluster.await(
        "the follower to learn the leader",
        ELECTION,
        () -> cluster.member(follower).leaderId().filter(leaderId::equals).isPresent());
    PlacementServiceBlockingStub f = cluster.stub(follower);

    List<Function<PlacementServiceBlockingStub, ErrorDetail>> calls =
        List.of(
            s -> s.createSchema(createSchema("x", false)).getError(),
            s -> s.dropSchema(dropSchema("x", true)).getError(),
            s -> s.listSchemas(ListSchemasRequest.getDefaultInstance()).getError(),
            s -> s.getCatalog(GetCatalogRequest.getDefaultInstance()).getError(),
            s -> s.createUser(createUser("u", "p")).getError(),
            s -> s.dropUser(dropUser("u", true)).getError(),
            s -> s.listUsers(ListUsersRequest.getDefaultInstance()).getError(),
            s -> s.authenticate(auth("u", "p")).getError());
    for (int i = 0; i < calls.size(); i++) {
      ErrorDetail e = calls.get(i).apply(f);
      assertEquals("RTE-1", e.getCode(), "call " + i + ": " + e);
      assertEquals(leaderId, e.getNotLeader().getLeaderNodeId(), "call " + i);
      assertEquals(leaderAddress, e.getNotLeader().getLeaderAddress(), "call " + i);
    }
  }

  // ---- Helpers ---------------------------------------------------------------------------------

  private static void assertUnchangedAt(PlacementServiceBlockingStub pd, long version) {
    GetCatalogResponse r =
        pd.getCatalog(GetCatalogRequest.newBuilder().setKnownVersion(version).build());
    assertOk(r.getError());
    assertTrue(r.getUnchanged(), "unchanged at " + version + ": " + r);
    assertEquals(version, r.getCatalogVersion());
    assertEquals(0, r.getSchemasCount() + r.getTablesCount(), "an unchanged answer is empty");
  }

  private static void join(PlacementServiceBlockingStub pd, String... nodes) {
    for (String n : nodes) {
      assertOk(
          pd.join(
                  JoinRequest.newBuilder()
                      .setNodeId(n)
                      .setRpcAddress("rpc-" + n)
                      .setRaftAddress("raft-" + n)
                      .build())
              .getError());
    }
  }

  private static CreateTableRequest table(String schema, String name) {
    return CreateTableRequest.newBuilder()
        .setTable(
            TableDef.newBuilder()
                .setSchema(schema)
                .setName(name)
                .addColumns(ColumnDef.newBuilder().setName("id").setType(ColumnType.BIGINT))
                .addPrimaryKey("id"))
        .build();
  }

  private static CreateSchemaRequest createSchema(String name, boolean ifNotExists) {
    return CreateSchemaRequest.newBuilder().setName(name).setIfNotExists(ifNotExists).build();
  }

  private static DropSchemaRequest dropSchema(String name, boolean ifExists) {
    return DropSchemaRequest.newBuilder().setName(name).setIfExists(ifExists).build();
  }

  private static CreateUserRequest createUser(String name, String password) {
    return CreateUserRequest.newBuilder().setName(name).setPassword(password).build();
  }

  private static DropUserRequest dropUser(String name, boolean ifExists) {
    return DropUserRequest.newBuilder().setName(name).setIfExists(ifExists).build();
  }

  private static AuthenticateRequest auth(String name, String password) {
    return AuthenticateRequest.newBuilder().setName(name).setPassword(password).build();
  }

  private static List<String> names(List<SchemaDef> schemas) {
    return schemas.stream().map(SchemaDef::getName).toList();
  }

  private static void assertOk(ErrorDetail error) {
    assertEquals(ErrorDetail.getDefaultInstance(), error, () -> "unexpected error " + error);
  }
}
