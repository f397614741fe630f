package io.cesiumdb.sql.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.sql.catalog.InMemoryCatalog;
import io.cesiumdb.sql.ddl.InMemoryDdlExecutor;
import io.cesiumdb.sql.exec.InMemoryKvStore;
import io.cesiumdb.sql.session.SqlEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.NoSuchConnectionException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link CesiumMeta} called directly, for what Avatica's client never forwards (primary keys, index
 * info, foreign keys) and for the protocol edges (unknown ids, frames).
 */
class CesiumMetaTest {
  private final InMemoryCatalog catalog = InMemoryCatalog.withDefaultSchema();
  private final SqlEngine engine =
      new SqlEngine(catalog, new InMemoryDdlExecutor(catalog), new InMemoryKvStore());
  private final CesiumMeta meta = CesiumMeta.create(engine, new CesiumMetaConfig(3));
  private final Meta.ConnectionHandle ch = new Meta.ConnectionHandle("c1");

  @BeforeEach
  void open() throws NoSuchStatementException {
    meta.openConnection(ch, Map.of("user", "alice"));
    run("create table t (b varchar not null, a integer not null, v double, primary key (b, a))");
    run("create table t_1 (id integer primary key)");
    run("create table tx1 (id integer primary key)");
  }

  @Test
  void primaryKeysAreListedByColumnNameWithTheirKeySequence() {
    Meta.MetaResultSet rs = meta.getPrimaryKeys(ch, null, "PUBLIC", "T");
    assertEquals(
        List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME"),
        labels(rs));
    assertEquals(
        List.of(
            List.of("PUBLIC", "T", "A", (short) 2, "T_PK"),
            List.of("PUBLIC", "T", "B", (short) 1, "T_PK")),
        rows(rs, 1));
  }

  @Test
  void theKeyIsAUniqueIndexAndThereAreNoForeignKeys() {
    Meta.MetaResultSet rs = meta.getIndexInfo(ch, null, "PUBLIC", "T", false, true);
    List<String> labels = labels(rs);
    assertEquals(
        List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "NON_UNIQUE"), labels.subList(0, 4));
    assertTrue(
        labels.containsAll(List.of("INDEX_NAME", "ORDINAL_POSITION", "COLUMN_NAME", "TYPE")));
    List<String> columns = new ArrayList<>();
    for (List<Object> row : rows(rs, 0)) {
      assertEquals(false, row.get(labels.indexOf("NON_UNIQUE")));
      assertEquals("T_PK", row.get(labels.indexOf("INDEX_NAME")));
      columns.add(
          row.get(labels.indexOf("ORDINAL_POSITION"))
              + ":"
              + row.get(labels.indexOf("COLUMN_NAME")));
    }
    assertEquals(List.of("1:B", "2:A"), columns);
    assertEquals(4, rows(meta.getIndexInfo(ch, null, "PUBLIC", "%", false, true), 0).size());
    Meta.MetaResultSet fks = meta.getImportedKeys(ch, null, "PUBLIC", "T");
    assertTrue(labels(fks).containsAll(List.of("PKTABLE_NAME", "FKCOLUMN_NAME", "FK_NAME")));
    assertEquals(List.of(), rows(fks, 0));
    assertEquals(List.of(), rows(meta.getExportedKeys(ch, null, "PUBLIC", "T"), 0));
  }

  @Test
  void anExactTableNameIsNotReadAsAPattern() {
    assertEquals(1, rows(meta.getPrimaryKeys(ch, null, "PUBLIC", "T_1"), 0).size());
    assertEquals(2, rows(meta.getPrimaryKeys(ch, null, "PUBLIC", "T_%"), 0).size());
    assertEquals(
        List.of(List.of("TX1"), List.of("T_1")),
        rows(meta.getTables(ch, null, Meta.Pat.of("PUBLIC"), Meta.Pat.of("T_1%"), null), 2).stream()
            .map(r -> r.subList(0, 1))
            .toList());
  }

  @Test
  void anEscapedWildcardMatchesItself() {
    assertEquals(
        List.of(List.of("T_1")),
        rows(meta.getTables(ch, null, Meta.Pat.of("PUB%"), Meta.Pat.of("T\\_%"), null), 2).stream()
            .map(r -> r.subList(0, 1))
            .toList());
  }

  @Test
  void framesAreCutToTheConfiguredSizeAndFetchedByOffset() throws NoSuchStatementException {
    run("create table n (k integer primary key)");
    run("insert into n values (1), (2), (3), (4), (5)");
    Meta.StatementHandle h = meta.createStatement(ch);
    Meta.ExecuteResult r = meta.prepareAndExecute(h, "select k from n", -1, -1, null);
    Meta.Frame first = r.resultSets.get(0).firstFrame;
    assertFalse(first.done);
    assertEquals(3, count(first));
    Meta.Frame second = meta.fetch(h, 3, 100);
    assertTrue(second.done);
    assertEquals(List.of(List.of(4), List.of(5)), second.rows);
    assertTrue(meta.fetch(h, 5, 100).done);
  }

  @Test
  void unknownConnectionsAndStatementsAreAvaticasExceptions() {
    Meta.ConnectionHandle unknown = new Meta.ConnectionHandle("nope");
    assertThrows(NoSuchConnectionException.class, () -> meta.createStatement(unknown));
    assertThrows(
        NoSuchStatementException.class,
        () -> meta.fetch(new Meta.StatementHandle("c1", 999, null), 0, 10));
    meta.closeStatement(new Meta.StatementHandle("c1", 999, null)); // no error
    CesiumException twice =
        assertThrows(CesiumException.class, () -> meta.openConnection(ch, Map.of()));
    assertEquals(ErrorCode.INVALID_ARGUMENT, twice.code());
    assertEquals(1, meta.openConnections());
    meta.closeConnection(ch);
    meta.closeConnection(ch);
    assertEquals(0, meta.openConnections());
  }

  private void run(String sql) throws NoSuchStatementException {
    Meta.StatementHandle h = meta.createStatement(ch);
    meta.prepareAndExecute(h, sql, -1, -1, null);
    meta.closeStatement(h);
  }

  private static List<String> labels(Meta.MetaResultSet rs) {
    return rs.signature.columns.stream().map(c -> c.label).toList();
  }

  /** Rows of the first frame from column {@code from} on. */
  @SuppressWarnings("unchecked")
  private static List<List<Object>> rows(Meta.MetaResultSet rs, int from) {
    assertTrue(rs.firstFrame.done);
    List<List<Object>> out = new ArrayList<>();
    for (Object row : rs.firstFrame.rows) {
      List<Object> r = (List<Object>) row;
      out.add(r.subList(from, r.size()));
    }
    return out;
  }

  private static int count(Meta.Frame frame) {
    int n = 0;
    for (Object ignored : frame.rows) {
      n++;
    }
    return n;
  }
}
