package io.cesiumdb.pd.service;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.pd.cluster.ClusterView;
import io.cesiumdb.pd.meta.MetaState;
import io.cesiumdb.pd.meta.TableCreated;
import io.cesiumdb.pd.placement.Placement;
import io.cesiumdb.pd.placement.TabletPlacement;
import io.cesiumdb.proto.errors.ErrorDetail;
import io.cesiumdb.proto.placement.AuthenticateRequest;
import io.cesiumdb.proto.placement.AuthenticateResponse;
import io.cesiumdb.proto.placement.CreateSchema;
import io.cesiumdb.proto.placement.CreateSchemaRequest;
import io.cesiumdb.proto.placement.CreateSchemaResponse;
import io.cesiumdb.proto.placement.CreateTable;
import io.cesiumdb.proto.placement.CreateTableRequest;
import io.cesiumdb.proto.placement.CreateTableResponse;
import io.cesiumdb.proto.placement.CreateUserRequest;
import io.cesiumdb.proto.placement.CreateUserResponse;
import io.cesiumdb.proto.placement.DropSchemaRequest;
import io.cesiumdb.proto.placement.DropSchemaResponse;
import io.cesiumdb.proto.placement.DropTable;
import io.cesiumdb.proto.placement.DropTableRequest;
import io.cesiumdb.proto.placement.DropTableResponse;
import io.cesiumdb.proto.placement.DropUserRequest;
import io.cesiumdb.proto.placement.DropUserResponse;
import io.cesiumdb.proto.placement.GetCatalogRequest;
import io.cesiumdb.proto.placement.GetCatalogResponse;
import io.cesiumdb.proto.placement.GetLeaderRequest;
import io.cesiumdb.proto.placement.GetLeaderResponse;
import io.cesiumdb.proto.placement.GetTableRequest;
import io.cesiumdb.proto.placement.GetTableResponse;
import io.cesiumdb.proto.placement.Heartbeat;
import io.cesiumdb.proto.placement.HeartbeatRequest;
import io.cesiumdb.proto.placement.HeartbeatResponse;
import io.cesiumdb.proto.placement.JoinRequest;
import io.cesiumdb.proto.placement.JoinResponse;
import io.cesiumdb.proto.placement.ListNodesRequest;
import io.cesiumdb.proto.placement.ListNodesResponse;
import io.cesiumdb.proto.placement.ListSchemasRequest;
import io.cesiumdb.proto.placement.ListSchemasResponse;
import io.cesiumdb.proto.placement.ListTablesRequest;
import io.cesiumdb.proto.placement.ListTablesResponse;
import io.cesiumdb.proto.placement.ListTabletsRequest;
import io.cesiumdb.proto.placement.ListTabletsResponse;
import io.cesiumdb.proto.placement.ListUsersRequest;
import io.cesiumdb.proto.placement.ListUsersResponse;
import io.cesiumdb.proto.placement.LookupTabletRequest;
import io.cesiumdb.proto.placement.LookupTabletResponse;
import io.cesiumdb.proto.placement.MetaCommand;
import io.cesiumdb.proto.placement.NodeEntry;
import io.cesiumdb.proto.placement.PlacementServiceGrpc;
import io.cesiumdb.proto.placement.RegisterNode;
import io.cesiumdb.proto.placement.ReplicaList;
import io.cesiumdb.proto.placement.SplitTabletRequest;
import io.cesiumdb.proto.placement.SplitTabletResponse;
import io.cesiumdb.proto.placement.TableDef;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The {@code PlacementService} RPC over one {@link PlacementDriver} member.
 *
 * <ul>
 *   <li>Writes (Join, Heartbeat, CreateTable, DropTable, CreateSchema, DropSchema, CreateUser,
 *       DropUser) become {@code MetaCommand}s logged through the PD group; at a follower they
 *       answer NOT_LEADER (RTE-1) naming the leader. Times in commands come from the leader's
 *       clock.
 *   <li>CreateTable decides at the leader, on its DDL thread: it creates the schema if missing,
 *       builds a {@code ClusterView} from the applied state, places N + 1 tablets with {@link
 *       Placement#placeNewTablets} and logs CreateTable with those placements. Then it asks each
 *       replica's tablet server to create its replica (TabletService.CreateReplica, addresses from
 *       the node registry) before answering; failures come back in the response's error, with the
 *       table and descriptors (the table stays in the directory).
 *   <li>Schema DDL and the catalog snapshot (GetCatalog with the caller's cached version) are in
 *       {@link SchemaRpcs}; users and Authenticate (hashing on the member's auth threads) in {@link
 *       UserRpcs}.
 *   <li>Every request waits until the leader is ready and bootstrapped ({@link LeaderBootstrap}:
 *       schema PUBLIC exists).
 *   <li>Reads (GetTable, ListTables, ListSchemas, GetCatalog, ListUsers, Authenticate,
 *       LookupTablet, ListTablets, ListNodes) are served at the ready leader from applied state,
 *       without a ReadIndex round: a deposed leader that has not yet noticed may answer from
 *       slightly stale state (directory staleness is caught by epochs).
 *   <li>SplitTablet runs the split flow at the leader: AllocateTabletIds, TabletService.Split at
 *       the tablet's leader, SplitTablet committed with the key the tablet used.
 *   <li>GetLeader is answered by any member from its own view.
 * </ul>
 *
 * <p>Every failure is an {@link ErrorDetail} in the response, never a gRPC status.
 */
final class PlacementServiceImpl extends PlacementServiceGrpc.PlacementServiceImplBase {
  private final PlacementDriver pd;
  private final SchemaRpcs schemas;
  private final UserRpcs users;

  PlacementServiceImpl(PlacementDriver pd) {
    this.pd = pd;
    this.schemas = new SchemaRpcs(pd);
    this.users = new UserRpcs(pd);
  }

  // ---- Writes ----------------------------------------------------------------------------------

  @Override
  public void join(JoinRequest req, StreamObserver<JoinResponse> out) {
    MetaCommand cmd =
        MetaCommand.newBuilder()
            .setRegisterNode(
                RegisterNode.newBuilder()
                    .setNodeId(req.getNodeId())
                    .setRpcAddress(req.getRpcAddress())
                    .setRaftAddress(req.getRaftAddress())
                    .setTimeMicros(pd.nowMicros()))
            .build();
    respond(
        pd.submit(cmd)
            .thenApply(
                r -> {
                  r.value(NodeEntry.class);
                  return JoinResponse.newBuilder().addAllPdMembers(pdMembers()).build();
                }),
        out,
        e -> JoinResponse.newBuilder().setError(e).addAllPdMembers(pdMembers()).build());
  }

  @Override
  public void heartbeat(HeartbeatRequest req, StreamObserver<HeartbeatResponse> out) {
    MetaCommand cmd =
        MetaCommand.newBuilder()
            .setHeartbeat(
                Heartbeat.newBuilder()
                    .setNodeId(req.getNodeId())
                    .setTimeMicros(pd.nowMicros())
                    .setDiskUsedBytes(req.getDiskUsedBytes())
                    .addAllTablets(req.getTabletsList()))
            .build();
    respond(
        pd.submit(cmd)
            .thenApply(
                r -> {
                  r.value(NodeEntry.class);
                  return HeartbeatResponse.getDefaultInstance();
                }),
        out,
        e -> HeartbeatResponse.newBuilder().setError(e).build());
  }

  @Override
  public void createTable(CreateTableRequest req, StreamObserver<CreateTableResponse> out) {
    respond(
        pd.decideAndSubmit(member -> createTableAtLeader(req)),
        out,
        e -> CreateTableResponse.newBuilder().setError(e).build());
  }

  /** Runs on the leader's DDL thread: one placement decision at a time. */
  private CreateTableResponse createTableAtLeader(CreateTableRequest req) {
    TableDef def = req.getTable();
    if (!pd.readLocal(s -> s.schemas().contains(def.getSchema())) && !def.getSchema().isEmpty()) {
      MetaCommand schema =
          MetaCommand.newBuilder()
              .setCreateSchema(
                  CreateSchema.newBuilder().setName(def.getSchema()).setIfNotExists(true))
              .build();
      pd.awaitResult(pd.submit(schema)).value(Object.class);
    }
    long now = pd.nowMicros();
    ClusterView view = pd.readLocal(s -> s.toClusterView(pd.config().liveness(), now, List.of()));
    List<TabletPlacement> placements =
        Placement.placeNewTablets(view, req.getSplitPointsCount() + 1);
    CreateTable.Builder create =
        CreateTable.newBuilder().setTable(def).addAllSplitPoints(req.getSplitPointsList());
    for (TabletPlacement p : placements) {
      create.addPlacements(ReplicaList.newBuilder().addAllNodeIds(p.replicas()));
    }
    TableCreated created =
        pd.awaitResult(pd.submit(MetaCommand.newBuilder().setCreateTable(create).build()))
            .value(TableCreated.class);
    List<TabletDescriptor> tablets =
        pd.readLocal(s -> created.tablets().stream().map(s::descriptor).toList());
    List<String> failures = pd.createReplicas(tablets);
    CreateTableResponse.Builder response =
        CreateTableResponse.newBuilder().setTable(created.table()).addAllTablets(tablets);
    if (!failures.isEmpty()) {
      response.setError(
          PdErrors.detail(
              new CesiumException(
                  ErrorCode.UNAVAILABLE,
                  "table "
                      + def.getSchema()
                      + "."
                      + def.getName()
                      + " is in the directory but "
                      + failures.size()
                      + " replica(s) could not be created: "
                      + String.join("; ", failures))));
    }
    return response.build();
  }

  @Override
  public void dropTable(DropTableRequest req, StreamObserver<DropTableResponse> out) {
    MetaCommand cmd =
        MetaCommand.newBuilder()
            .setDropTable(DropTable.newBuilder().setSchema(req.getSchema()).setName(req.getName()))
            .build();
    respond(
        pd.decideAndSubmit(member -> pd.awaitResult(pd.submit(cmd)))
            .thenApply(
                r -> {
                  r.value(Object.class);
                  return DropTableResponse.getDefaultInstance();
                }),
        out,
        e -> DropTableResponse.newBuilder().setError(e).build());
  }

  /**
   * A real split at the leader ({@code controller.SplitFlow}): allocate the right tablet's id,
   * TabletService.Split at the tablet's leader, commit the split the tablet made, answer both
   * halves from the directory. A directory-only member answers UNAVAILABLE.
   */
  @Override
  public void splitTablet(SplitTabletRequest req, StreamObserver<SplitTabletResponse> out) {
    respond(
        pd.split(req.getTabletId(), req.getExpectedEpoch(), req.getSplitKey())
            .thenApply(
                halves ->
                    SplitTabletResponse.newBuilder()
                        .setLeft(halves.left())
                        .setRight(halves.right())
                        .build()),
        out,
        e -> SplitTabletResponse.newBuilder().setError(e).build());
  }

  // ---- Reads at the leader ---------------------------------------------------------------------

  @Override
  public void getTable(GetTableRequest req, StreamObserver<GetTableResponse> out) {
    respond(
        pd.read(
            s ->
                GetTableResponse.newBuilder()
                    .setTable(
                        s.table(req.getSchema(), req.getName())
                            .orElseThrow(
                                () -> tableNotFound(req.getSchema() + "." + req.getName())))
                    .build()),
        out,
        e -> GetTableResponse.newBuilder().setError(e).build());
  }

  @Override
  public void listTables(ListTablesRequest req, StreamObserver<ListTablesResponse> out) {
    respond(
        pd.read(
            s -> {
              List<String> schemas =
                  req.getSchema().isEmpty() ? s.schemas() : List.of(req.getSchema());
              List<TableDef> tables = new ArrayList<>();
              schemas.forEach(schema -> tables.addAll(s.tables(schema)));
              return ListTablesResponse.newBuilder()
                  .addAllTables(tables)
                  .setCatalogVersion(s.catalogVersion())
                  .build();
            }),
        out,
        e -> ListTablesResponse.newBuilder().setError(e).build());
  }

  @Override
  public void lookupTablet(LookupTabletRequest req, StreamObserver<LookupTabletResponse> out) {
    respond(
        pd.read(
            s -> {
              var tablet =
                  s.tabletFor(req.getKeyspace(), req.getKey())
                      .orElseThrow(
                          () ->
                              new CesiumException(
                                  ErrorCode.TABLET_NOT_FOUND,
                                  "no tablet of keyspace " + req.getKeyspace()));
              return LookupTabletResponse.newBuilder()
                  .setTablet(s.descriptor(tablet))
                  .setLeaderHint(tablet.getLeaderHint())
                  .build();
            }),
        out,
        e -> LookupTabletResponse.newBuilder().setError(e).build());
  }

  @Override
  public void listTablets(ListTabletsRequest req, StreamObserver<ListTabletsResponse> out) {
    respond(
        pd.read(
            s -> {
              if (s.table(req.getTableId()).isEmpty()) {
                throw tableNotFound("id " + req.getTableId());
              }
              return ListTabletsResponse.newBuilder()
                  .addAllTablets(descriptors(s, req.getTableId()))
                  .build();
            }),
        out,
        e -> ListTabletsResponse.newBuilder().setError(e).build());
  }

  @Override
  public void listNodes(ListNodesRequest req, StreamObserver<ListNodesResponse> out) {
    respond(
        pd.read(s -> ListNodesResponse.newBuilder().addAllNodes(s.nodes()).build()),
        out,
        e -> ListNodesResponse.newBuilder().setError(e).build());
  }

  /** Any member answers from its own view; empty fields = no leader known right now. */
  @Override
  public void getLeader(GetLeaderRequest req, StreamObserver<GetLeaderResponse> out) {
    GetLeaderResponse.Builder b = GetLeaderResponse.newBuilder();
    pd.leaderId()
        .ifPresent(
            id ->
                b.setLeaderNodeId(id)
                    .setLeaderAddress(pd.config().peer(id).map(PdPeer::serviceAddress).orElse("")));
    out.onNext(b.build());
    out.onCompleted();
  }

  // ---- Schemas and catalog ({@link SchemaRpcs}) ------------------------------------------------

  @Override
  public void createSchema(CreateSchemaRequest req, StreamObserver<CreateSchemaResponse> out) {
    respond(schemas.create(req), out, e -> CreateSchemaResponse.newBuilder().setError(e).build());
  }

  @Override
  public void dropSchema(DropSchemaRequest req, StreamObserver<DropSchemaResponse> out) {
    respond(schemas.drop(req), out, e -> DropSchemaResponse.newBuilder().setError(e).build());
  }

  @Override
  public void listSchemas(ListSchemasRequest req, StreamObserver<ListSchemasResponse> out) {
    respond(schemas.list(), out, e -> ListSchemasResponse.newBuilder().setError(e).build());
  }

  @Override
  public void getCatalog(GetCatalogRequest req, StreamObserver<GetCatalogResponse> out) {
    respond(schemas.catalog(req), out, e -> GetCatalogResponse.newBuilder().setError(e).build());
  }

  // ---- Users ({@link UserRpcs}) ----------------------------------------------------------------

  @Override
  public void createUser(CreateUserRequest req, StreamObserver<CreateUserResponse> out) {
    respond(users.create(req), out, e -> CreateUserResponse.newBuilder().setError(e).build());
  }

  @Override
  public void dropUser(DropUserRequest req, StreamObserver<DropUserResponse> out) {
    respond(users.drop(req), out, e -> DropUserResponse.newBuilder().setError(e).build());
  }

  @Override
  public void listUsers(ListUsersRequest req, StreamObserver<ListUsersResponse> out) {
    respond(users.list(), out, e -> ListUsersResponse.newBuilder().setError(e).build());
  }

  @Override
  public void authenticate(AuthenticateRequest req, StreamObserver<AuthenticateResponse> out) {
    respond(
        users.authenticate(req), out, e -> AuthenticateResponse.newBuilder().setError(e).build());
  }

  // ---- Helpers ---------------------------------------------------------------------------------

  private static List<TabletDescriptor> descriptors(MetaState s, long tableId) {
    return s.tablets(tableId).stream().map(s::descriptor).toList();
  }

  private List<NodeEntry> pdMembers() {
    return pd.config().peers().stream()
        .map(
            p ->
                NodeEntry.newBuilder()
                    .setNodeId(p.nodeId())
                    .setRpcAddress(p.serviceAddress())
                    .setRaftAddress(p.raftAddress())
                    .build())
        .toList();
  }

  private static CesiumException tableNotFound(String what) {
    return new CesiumException(ErrorCode.TABLE_NOT_FOUND, "no table " + what);
  }

  private static <T> void respond(
      CompletableFuture<T> result, StreamObserver<T> out, Function<ErrorDetail, T> onError) {
    result.whenComplete(
        (value, failure) -> {
          out.onNext(failure == null ? value : onError.apply(PdErrors.detail(failure)));
          out.onCompleted();
        });
  }
}
