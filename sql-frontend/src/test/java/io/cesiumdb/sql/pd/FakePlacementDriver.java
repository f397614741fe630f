package io.cesiumdb.sql.pd;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.errors.ErrorDetail;
import io.cesiumdb.proto.placement.AuthenticateRequest;
import io.cesiumdb.proto.placement.AuthenticateResponse;
import io.cesiumdb.proto.placement.CreateSchemaRequest;
import io.cesiumdb.proto.placement.CreateSchemaResponse;
import io.cesiumdb.proto.placement.CreateTableRequest;
import io.cesiumdb.proto.placement.CreateTableResponse;
import io.cesiumdb.proto.placement.DropTableRequest;
import io.cesiumdb.proto.placement.DropTableResponse;
import io.cesiumdb.proto.placement.GetCatalogRequest;
import io.cesiumdb.proto.placement.GetCatalogResponse;
import io.cesiumdb.proto.placement.GetLeaderRequest;
import io.cesiumdb.proto.placement.GetLeaderResponse;
import io.cesiumdb.proto.placement.LookupTabletRequest;
import io.cesiumdb.proto.placement.LookupTabletResponse;
import io.cesiumdb.proto.placement.PlacementServiceGrpc;
import io.cesiumdb.proto.placement.SchemaDef;
import io.cesiumdb.proto.placement.SplitTabletRequest;
import io.cesiumdb.proto.placement.SplitTabletResponse;
import io.cesiumdb.proto.placement.TableDef;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.sql.catalog.InMemoryCatalog;
import io.cesiumdb.txn.routing.ErrorDetails;
import io.grpc.Server;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A placement driver leader on an in-process server, with the catalog, tablet and user RPCs the SQL
 * front end calls: the catalog is an {@link InMemoryCatalog} (PUBLIC at start; CreateTable creates
 * a missing schema, as the real PD does), each table's tablets are its split points (one epoch per
 * table, bumped by every split), users a name → password map. {@link #down} makes every RPC answer
 * UNAVAILABLE. Records what it was asked.
 */
final class FakePlacementDriver extends PlacementServiceGrpc.PlacementServiceImplBase
    implements AutoCloseable {
  private static final AtomicInteger NAMES = new AtomicInteger();

  final String address = "fake-sql-pd-" + NAMES.incrementAndGet() + ":7000";
  final InMemoryCatalog catalog = InMemoryCatalog.withDefaultSchema();
  final Map<String, String> users = new ConcurrentHashMap<>();
  final AtomicInteger fullCatalogs = new AtomicInteger();
  final AtomicInteger unchangedCatalogs = new AtomicInteger();
  final AtomicInteger authentications = new AtomicInteger();
  final List<CreateTableRequest> creates = new CopyOnWriteArrayList<>();
  final List<SplitTabletRequest> splits = new CopyOnWriteArrayList<>();
  volatile boolean down;

  /** Answer the next SplitTablet with TABLET_MOVED (as if another split won the race). */
  volatile boolean moveNextSplit;

  private final Map<Long, NavigableSet<ByteString>> boundaries = new ConcurrentHashMap<>();
  private final Map<Long, Long> epochs = new ConcurrentHashMap<>();
  private final Server server;

  FakePlacementDriver() {
    try {
      server = InProcessServerBuilder.forName(address).directExecutor().addService(this).build();
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Total GetCatalog requests answered. */
  int catalogFetches() {
    return fullCatalogs.get() + unchangedCatalogs.get();
  }

  /** The split points of table {@code tableId}, in order. */
  List<ByteString> splitPoints(long tableId) {
    return new ArrayList<>(boundaries.getOrDefault(tableId, new TreeSet<>()));
  }

  @Override
  public void getCatalog(GetCatalogRequest r, StreamObserver<GetCatalogResponse> out) {
    answer(out, GetCatalogResponse::newBuilder, () -> catalog(r));
  }

  private GetCatalogResponse catalog(GetCatalogRequest r) {
    synchronized (catalog) {
      long version = catalog.version();
      GetCatalogResponse.Builder b = GetCatalogResponse.newBuilder().setCatalogVersion(version);
      if (r.getKnownVersion() == version) {
        unchangedCatalogs.incrementAndGet();
        return b.setUnchanged(true).build();
      }
      fullCatalogs.incrementAndGet();
      for (String schema : catalog.schemas()) {
        b.addSchemas(SchemaDef.newBuilder().setName(schema));
        b.addAllTables(catalog.tables(schema));
      }
      return b.build();
    }
  }

  @Override
  public void createSchema(CreateSchemaRequest r, StreamObserver<CreateSchemaResponse> out) {
    answer(
        out,
        CreateSchemaResponse::newBuilder,
        () -> {
          synchronized (catalog) {
            boolean create = !(r.getIfNotExists() && catalog.hasSchema(r.getName()));
            if (create) {
              catalog.createSchema(r.getName());
            }
            return CreateSchemaResponse.newBuilder()
                .setCreated(create)
                .setCatalogVersion(catalog.version())
                .build();
          }
        });
  }

  @Override
  public void createTable(CreateTableRequest r, StreamObserver<CreateTableResponse> out) {
    answer(
        out,
        CreateTableResponse::newBuilder,
        () -> {
          creates.add(r);
          synchronized (catalog) {
            if (!catalog.hasSchema(r.getTable().getSchema())) {
              catalog.createSchema(r.getTable().getSchema());
            }
            TableDef t = catalog.createTable(r.getTable());
            NavigableSet<ByteString> points =
                new TreeSet<>(ByteString.unsignedLexicographicalComparator());
            points.addAll(r.getSplitPointsList());
            boundaries.put(t.getTableId(), points);
            epochs.put(t.getTableId(), 1L);
            return CreateTableResponse.newBuilder().setTable(t).build();
          }
        });
  }

  @Override
  public void dropTable(DropTableRequest r, StreamObserver<DropTableResponse> out) {
    answer(
        out,
        DropTableResponse::newBuilder,
        () -> {
          TableDef t = catalog.dropTable(r.getSchema(), r.getName());
          boundaries.remove(t.getTableId());
          return DropTableResponse.getDefaultInstance();
        });
  }

  @Override
  public void lookupTablet(LookupTabletRequest r, StreamObserver<LookupTabletResponse> out) {
    answer(
        out,
        LookupTabletResponse::newBuilder,
        () ->
            LookupTabletResponse.newBuilder()
                .setTablet(tablet(r.getKeyspace(), r.getKey()))
                .build());
  }

  @Override
  public void splitTablet(SplitTabletRequest r, StreamObserver<SplitTabletResponse> out) {
    answer(
        out,
        SplitTabletResponse::newBuilder,
        () -> {
          splits.add(r);
          long keyspace = r.getTabletId() / 1000;
          if (moveNextSplit || epochs.get(keyspace) != r.getExpectedEpoch()) {
            moveNextSplit = false;
            epochs.merge(keyspace, 1L, Long::sum);
            throw new CesiumException(ErrorCode.TABLET_MOVED, "epoch moved");
          }
          boundaries.get(keyspace).add(r.getSplitKey());
          epochs.merge(keyspace, 1L, Long::sum);
          return SplitTabletResponse.getDefaultInstance();
        });
  }

  @Override
  public void authenticate(AuthenticateRequest r, StreamObserver<AuthenticateResponse> out) {
    answer(
        out,
        AuthenticateResponse::newBuilder,
        () -> {
          authentications.incrementAndGet();
          if (!r.getPassword().equals(users.get(r.getName()))) {
            throw new CesiumException(ErrorCode.AUTH_FAILED, "password authentication failed");
          }
          return AuthenticateResponse.getDefaultInstance();
        });
  }

  @Override
  public void getLeader(GetLeaderRequest r, StreamObserver<GetLeaderResponse> out) {
    out.onNext(GetLeaderResponse.getDefaultInstance());
    out.onCompleted();
  }

  /** Tablet ids are keyspace * 1000 + index; the table's epoch is every tablet's epoch. */
  private TabletDescriptor tablet(long keyspace, ByteString key) {
    NavigableSet<ByteString> points = boundaries.get(keyspace);
    if (points == null) {
      throw new CesiumException(ErrorCode.TABLET_NOT_FOUND, "no tablet of keyspace " + keyspace);
    }
    ByteString start = points.floor(key);
    ByteString end = points.higher(key);
    int index = start == null ? 0 : points.headSet(start, true).size();
    return TabletDescriptor.newBuilder()
        .setTabletId(keyspace * 1000 + index)
        .setKeyspace(keyspace)
        .setStartKey(start == null ? ByteString.EMPTY : start)
        .setEndKey(end == null ? ByteString.EMPTY : end)
        .setEpoch(epochs.get(keyspace))
        .build();
  }

  /**
   * Answers {@code body()}, or its CesiumException as the {@code error} field of a fresh {@code
   * builder}'s response, or UNAVAILABLE when {@link #down}.
   */
  private <T> void answer(
      StreamObserver<T> out, Supplier<? extends Message.Builder> builder, Supplier<T> body) {
    T response;
    try {
      if (down) {
        throw new CesiumException(ErrorCode.UNAVAILABLE, "PD has no quorum");
      }
      response = body.get();
    } catch (CesiumException e) {
      response = withError(builder.get(), ErrorDetails.toDetail(e));
    }
    out.onNext(response);
    out.onCompleted();
  }

  @SuppressWarnings("unchecked")
  private static <T> T withError(Message.Builder b, ErrorDetail error) {
    b.setField(b.getDescriptorForType().findFieldByName("error"), error);
    return (T) b.build();
  }

  @Override
  public void close() {
    server.shutdownNow();
  }
}
