package io.cesiumdb.sql.pd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.placement.TableDef;
import io.cesiumdb.sql.codec.KeyCodec;
import io.cesiumdb.sql.session.SqlEngine;
import io.cesiumdb.sql.session.SqlSession;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link PdDdlExecutor} behind a real {@link SqlEngine} and {@link PdCatalog}: what reaches the
 * placement driver, {@code IF [NOT] EXISTS}, and that the session plans against the change at once
 * (the fixture's clock never moves, so only the executor's forced refresh can show it).
 */
class PdDdlExecutorTest {
  private static final String CREATE =
      "create table t (a int, b varchar(5), v bigint, primary key (a, b))";

  private final PdFixture f = new PdFixture();
  private final PdCatalog catalog = f.catalog();
  private final SqlSession session = f.engine(catalog).openSession();

  @AfterEach
  void stop() {
    f.close();
  }

  private CesiumException fails(ErrorCode code, String sql) {
    CesiumException e = assertThrows(CesiumException.class, () -> session.execute(sql));
    assertEquals(code, e.code(), e.getMessage());
    return e;
  }

  private TableDef table(String name) {
    return catalog.tables("PUBLIC").stream()
        .filter(t -> t.getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static ByteString key(TableDef t, Object... prefix) {
    return ByteString.copyFrom(KeyCodec.of(t).encodePrefix(List.of(prefix)));
  }

  @Test
  void createTableSendsTheDefinitionAndSplitPointsAndIsPlannableAtOnce() {
    session.execute(CREATE + " split at ((10), (20, 'm'))");

    TableDef t = table("T");
    assertEquals(List.of("A", "B"), t.getPrimaryKeyList());
    assertEquals(List.of(key(t, 10), key(t, 20, "m")), f.pd.splitPoints(t.getTableId()));
    assertEquals(0, f.pd.creates.get(0).getTable().getTableId(), "the PD allocates the id");
    assertEquals(1, session.execute("insert into t values (1, 'x', 7)").updateCount());
    assertEquals(7L, session.execute("select v from t where a = 1 and b = 'x'").rows().get(0)[0]);
  }

  @Test
  void ifNotExistsTurnsTheDuplicateIntoSuccess() {
    session.execute(CREATE);
    CesiumException e = fails(ErrorCode.TABLE_EXISTS, CREATE);
    assertEquals("42P07", e.code().sqlState());

    session.execute(CREATE.replace("create table", "create table if not exists"));
    assertEquals(3, f.pd.creates.size(), "decided by the PD's answer, not the cache");
  }

  @Test
  void aTableInAMissingSchemaIsRefusedUntilTheSchemaIsCreated() {
    fails(ErrorCode.SCHEMA_NOT_FOUND, "create table s.t (id int primary key)");
    assertEquals(0, f.pd.creates.size(), "the PD would have created the schema");

    session.execute("create schema s");
    fails(ErrorCode.VALIDATION_ERROR, "create schema s");
    session.execute("create schema if not exists s");
    session.execute("create table s.t (id int primary key)");
    session.execute("insert into s.t values (1)");
    assertEquals(1, session.execute("select * from s.t").rows().size());
  }

  @Test
  void dropTableIsSeenAtOnceAndIfExistsIgnoresAMissingTable() {
    session.execute(CREATE);
    session.execute("select * from t");
    session.execute("drop table t");

    assertTrue(catalog.table("PUBLIC", "T").isEmpty());
    fails(ErrorCode.TABLE_NOT_FOUND, "select * from t");
    fails(ErrorCode.TABLE_NOT_FOUND, "drop table t");
    session.execute("drop table if exists t");
    session.execute("drop table if exists nosuchschema.t");
  }

  @Test
  void alterTableSplitsTheTabletHoldingTheKeyAtItsEpochUnlessTheKeyIsABoundary() {
    session.execute(CREATE + " split at ((10))");
    TableDef t = table("T");

    session.execute("alter table t split at (20, 'm')");
    assertEquals(1, f.pd.splits.size());
    assertEquals(t.getTableId() * 1000 + 1, f.pd.splits.get(0).getTabletId(), "[10, ∞)");
    assertEquals(1, f.pd.splits.get(0).getExpectedEpoch());
    assertEquals(List.of(key(t, 10), key(t, 20, "m")), f.pd.splitPoints(t.getTableId()));

    session.execute("alter table t split at (10)");
    assertEquals(1, f.pd.splits.size(), "already a boundary: nothing sent");
  }

  @Test
  void aSplitThatLosesARaceLooksTheTabletUpAgain() {
    session.execute(CREATE);
    TableDef t = table("T");
    f.pd.moveNextSplit = true;

    session.execute("alter table t split at (5)");

    assertEquals(2, f.pd.splits.size());
    assertEquals(2, f.pd.splits.get(1).getExpectedEpoch(), "the epoch of the second lookup");
    assertEquals(List.of(key(t, 5)), f.pd.splitPoints(t.getTableId()));
  }

  @Test
  void aTableCreatedThroughAnotherEngineIsFoundOnAMiss() {
    PdCatalog other = f.catalog();
    SqlSession elsewhere = f.engine(other).openSession();
    elsewhere.execute("select count(*) from (values (1))"); // loads its snapshot
    session.execute(CREATE);

    assertTrue(other.table("PUBLIC", "T").isPresent(), "a miss refreshes");
    assertEquals(0L, elsewhere.execute("select count(*) from t").rows().get(0)[0]);
  }

  @Test
  void aPlacementDriverThatStaysDownFailsTheStatementWithUnavailable() {
    session.execute("select 1 from (values (1))");
    f.pd.down = true;
    CesiumException e = fails(ErrorCode.UNAVAILABLE, "create schema s");
    assertTrue(e.code().retryable());
  }
}
