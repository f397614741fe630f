package io.cesiumdb.tests.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.placement.ColumnDef;
import io.cesiumdb.proto.placement.ColumnType;
import io.cesiumdb.proto.placement.ListTabletsRequest;
import io.cesiumdb.proto.placement.ListTabletsResponse;
import io.cesiumdb.proto.placement.PlacementServiceGrpc;
import io.cesiumdb.proto.placement.TableDef;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.server.demo.LocalCluster;
import io.cesiumdb.server.node.Node;
import io.cesiumdb.sql.ddl.CreateTableCommand;
import io.cesiumdb.sql.exec.AbstractKvStoreContractTest;
import io.cesiumdb.sql.exec.CoordinatorKvStore;
import io.cesiumdb.sql.exec.KvStore;
import io.cesiumdb.sql.session.SqlSession;
import io.cesiumdb.tests.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQL end to end on a 3-node in-process cluster (real Ratis, RocksDB, gRPC, placement driver): a
 * {@link NodeSql} stack per node, statements sent to different nodes' sessions. {@code ORDERS} has
 * a composite key and three tablets ({@code SPLIT AT (('eu'), ('us'))}); every test writes its own
 * regions so the tests do not depend on each other. Also runs sql-frontend's {@code KvStore}
 * contract on the coordinator adapter ({@link KvContract}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SqlOverClusterIT {
  private static final Duration VISIBLE = Duration.ofSeconds(10);

  @TempDir static Path dir;
  private LocalCluster cluster;
  private final List<NodeSql> nodes = new ArrayList<>();
  private SqlSession n1;
  private SqlSession n2;
  private SqlSession n3;

  @BeforeAll
  void start() throws Exception {
    // The operator controller runs, as in production: its leader balancing right after the
    // tables are created moves leaders under the setup INSERTs' commits, which their decision
    // records settle (transactions.md §9).
    cluster = LocalCluster.builder().nodes(3).dataDir(dir).start();
    for (Node n : cluster.nodes()) {
      n.joined().get(60, TimeUnit.SECONDS);
    }
    for (String id : cluster.nodeIds()) {
      nodes.add(new NodeSql(cluster, id));
    }
    n1 = nodes.get(0).engine.openSession();
    n2 = nodes.get(1).engine.openSession();
    n3 = nodes.get(2).engine.openSession();
    n1.execute(
        "create table orders (region varchar(8), id bigint, amount bigint not null,"
            + " note varchar(20), primary key (region, id)) split at (('eu'), ('us'))");
    n1.execute("create table regions (region varchar(8) primary key, name varchar(20))");
  }

  @AfterAll
  void stop() {
    nodes.forEach(NodeSql::close);
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void multiRowInsertThenPointRangeAggregateAndJoinQueriesOnOtherNodes() {
    long inserted =
        n1.execute(
                "insert into orders values ('eu', 1, 10, 'a'), ('eu', 2, 20, 'b'),"
                    + " ('us', 1, 5, 'c'), ('us', 2, 7, null), ('asia', 1, 1, 'x')")
            .updateCount();
    assertEquals(5, inserted);
    n3.execute("insert into regions values ('eu', 'Europe'), ('us', 'America')");

    assertEquals(
        List.of(row(20L, "b")),
        rows(n2, "select amount, note from orders where region = 'eu' and id = 2"));
    assertEquals(
        List.of(row(1L, 5L), row(2L, 7L)),
        rows(n2, "select id, amount from orders where region = 'us' and id >= 1 order by id"));
    assertEquals(
        List.of(row("asia", 1L, 1L), row("eu", 2L, 30L), row("us", 2L, 12L)),
        rows(
            n3,
            "select region, count(*), sum(amount) from orders"
                + " where region in ('asia', 'eu', 'us') group by region order by region"));
    assertEquals(
        List.of(row("America", 12L), row("Europe", 30L)),
        rows(
            n2,
            "select r.name, sum(o.amount) from orders o join regions r on o.region = r.region"
                + " group by r.name order by r.name"));
  }

  @Test
  void updateAndDeleteChangeExactlyTheRowsTheyMatch() {
    n1.execute(
        "insert into orders values ('upd', 1, 1, 'a'), ('upd', 2, 2, 'b'), ('upd', 3, 3, 'c')");

    assertEquals(
        2,
        n2.execute("update orders set amount = amount * 10 where region = 'upd' and id <= 2")
            .updateCount());
    assertEquals(1, n3.execute("delete from orders where region = 'upd' and id = 3").updateCount());

    assertEquals(
        List.of(row(1L, 10L), row(2L, 20L)),
        rows(n1, "select id, amount from orders where region = 'upd' order by id"));
  }

  @Test
  void aDuplicateKeyIs23505AndTheStatementLeavesNoRows() {
    n1.execute("insert into orders values ('dup', 1, 1, 'first')");

    CesiumException e =
        fails(n2, "insert into orders values ('dup', 2, 2, 'x'), ('dup', 1, 9, 'y')");

    assertEquals(ErrorCode.UNIQUE_VIOLATION, e.code(), e.getMessage());
    assertEquals("23505", e.code().sqlState());
    assertEquals(
        List.of(row(1L, "first")),
        rows(n3, "select id, note from orders where region = 'dup' order by id"));
  }

  @Test
  void commitAndRollbackOfTransactionsThatSpanTablets() {
    // 'cn' < 'eu' (first tablet), 'vn' >= 'us' (last tablet): two-phase commit.
    n2.execute("begin");
    n2.execute("insert into orders values ('cn', 1, 100, 'one')");
    n2.execute("insert into orders values ('vn', 1, 200, 'two')");
    assertEquals(
        List.of(row(2L)), rows(n2, "select count(*) from orders where region in ('cn', 'vn')"));
    n2.execute("commit");
    assertEquals(
        List.of(row(300L)),
        rows(n3, "select sum(amount) from orders where region in ('cn', 'vn')"));

    n1.execute("begin");
    n1.execute("insert into orders values ('cn', 2, 1000, 'gone')");
    n1.execute("update orders set amount = 0 where region = 'vn' and id = 1");
    n1.execute("rollback");

    assertEquals(
        List.of(row("cn", 1L, 100L), row("vn", 1L, 200L)),
        rows(
            n3,
            "select region, id, amount from orders where region in ('cn', 'vn') order by region"));
  }

  @Test
  void explainShowsAPointLookupForAPrimaryKeyEqualityAndARangeForAPrefix() {
    String point = explain(n2, "select note from orders where region = 'eu' and id = 1");
    String range = explain(n2, "select note from orders where region = 'eu'");

    assertTrue(point.contains("keys=[point=["), point);
    assertTrue(range.contains("keys=[range=["), range);
  }

  @Test
  void alterTableSplitAtAddsATabletBoundaryAndTheRowsStayReadable() {
    n1.execute(
        "insert into orders values ('sp', 1, 1, null), ('sp', 2, 1, null), ('sp', 3, 1, null),"
            + " ('sp', 4, 1, null), ('sp', 5, 1, null), ('sp', 6, 1, null)");
    long table = nodes.get(0).catalog.table("PUBLIC", "ORDERS").orElseThrow().getTableId();
    int before = tablets(table).size();

    n3.execute("alter table orders split at ('sp', 4)");

    List<TabletDescriptor> after = tablets(table);
    assertEquals(before + 1, after.size(), after.toString());
    assertEquals(
        List.of(row(6L, 6L)),
        rows(n2, "select count(*), sum(amount) from orders where region = 'sp'"));
    n2.execute("alter table orders split at ('sp', 4)"); // already a boundary: nothing to do
    assertEquals(before + 1, tablets(table).size());
  }

  @Test
  void aTableCreatedOnOneNodeIsVisibleOnTheOthersAndDropTableToo() {
    n1.execute("create table vis (k int primary key, v varchar(10))");
    n1.execute("insert into vis values (1, 'one')");

    assertTrue(nodes.get(1).catalog.table("PUBLIC", "VIS").isPresent(), "a miss refreshes");
    assertEquals(List.of(row(1, "one")), rows(n2, "select * from vis"));
    Await.until("node 3 plans against VIS", VISIBLE, () -> planned(n3, "select * from vis"));

    n2.execute("drop table vis");
    assertEquals(ErrorCode.TABLE_NOT_FOUND, fails(n2, "select * from vis").code());
    Await.until("node 1's catalog drops VIS", VISIBLE, () -> !listed(nodes.get(0), "VIS"));
    assertEquals(ErrorCode.TABLE_NOT_FOUND, fails(n1, "select * from vis").code());
    assertEquals(ErrorCode.TABLE_NOT_FOUND, fails(n3, "drop table vis").code());
    n3.execute("drop table if exists vis");
  }

  /**
   * sql-frontend's {@code KvStore} contract on {@link CoordinatorKvStore} over the cluster. Every
   * test gets two new tables through node 1's {@code PdDdlExecutor}; {@link #keyspace()} has two
   * tablets split at byte 0x80, so the contract's scans cross a tablet boundary.
   */
  @Nested
  class KvContract extends AbstractKvStoreContractTest {
    private final AtomicInteger names = new AtomicInteger();
    private long keyspace;
    private long other;

    @Override
    protected KvStore newStore() {
      keyspace = createKvTable(List.of(ByteString.copyFrom(new byte[] {(byte) 0x80})));
      other = createKvTable(List.of());
      return new CoordinatorKvStore(nodes.get(1).txns);
    }

    @Override
    protected long keyspace() {
      return keyspace;
    }

    @Override
    protected long otherKeyspace() {
      return other;
    }

    private long createKvTable(List<ByteString> splits) {
      String name = "KV_" + System.identityHashCode(this) + "_" + names.incrementAndGet();
      TableDef def =
          TableDef.newBuilder()
              .setSchema("PUBLIC")
              .setName(name)
              .addColumns(ColumnDef.newBuilder().setName("K").setType(ColumnType.VARBINARY))
              .addColumns(
                  ColumnDef.newBuilder()
                      .setName("V")
                      .setType(ColumnType.VARBINARY)
                      .setNullable(true))
              .addPrimaryKey("K")
              .build();
      NodeSql first = nodes.get(0);
      first.ddl.execute(new CreateTableCommand(def, splits, false));
      return first.catalog.table("PUBLIC", name).orElseThrow().getTableId();
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static List<List<Object>> rows(SqlSession s, String sql) {
    List<List<Object>> out = new ArrayList<>();
    for (Object[] r : s.execute(sql).rows()) {
      out.add(Arrays.asList(r));
    }
    return out;
  }

  private static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  private static CesiumException fails(SqlSession s, String sql) {
    return assertThrows(CesiumException.class, () -> s.execute(sql));
  }

  private static String explain(SqlSession s, String sql) {
    return (String) s.execute("explain plan for " + sql).rows().get(0)[0];
  }

  /** True once {@code sql} plans and runs on {@code s}; false while its table is unknown there. */
  private static boolean planned(SqlSession s, String sql) {
    try {
      s.execute(sql);
      return true;
    } catch (CesiumException e) {
      assertEquals(ErrorCode.TABLE_NOT_FOUND, e.code(), e.getMessage());
      return false;
    }
  }

  /** Whether {@code node}'s catalog lists the table now (a TTL refresh, never a miss refresh). */
  private static boolean listed(NodeSql node, String table) {
    return node.catalog.tables("PUBLIC").stream().anyMatch(t -> t.getName().equals(table));
  }

  private List<TabletDescriptor> tablets(long tableId) {
    return nodes
        .get(0)
        .router
        .placement()
        .call(
            PlacementServiceGrpc.getListTabletsMethod(),
            ListTabletsRequest.newBuilder().setTableId(tableId).build(),
            ListTabletsResponse::getError)
        .join()
        .getTabletsList();
  }
}
