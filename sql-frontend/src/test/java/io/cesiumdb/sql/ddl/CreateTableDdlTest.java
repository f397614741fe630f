package io.cesiumdb.sql.ddl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.cesiumdb.proto.placement.ColumnDef;
import io.cesiumdb.proto.placement.ColumnType;
import io.cesiumdb.proto.placement.CreateTableRequest;
import io.cesiumdb.proto.placement.TableDef;
import io.cesiumdb.sql.catalog.InMemoryCatalog;
import io.cesiumdb.sql.codec.KeyCodec;
import io.cesiumdb.sql.parser.CesiumParser;
import io.cesiumdb.sql.types.ColumnDefs;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreateTableDdlTest {
  private final DdlConverter ddl = new DdlConverter(InMemoryCatalog.withDefaultSchema(), "PUBLIC");

  @Test
  void columnLevelPrimaryKeyInTheDefaultSchema() {
    CreateTableCommand cmd = create("create table users (id bigint primary key, name varchar(40))");
    TableDef t = cmd.table();
    assertEquals("PUBLIC", t.getSchema());
    assertEquals("USERS", t.getName());
    assertEquals(0, t.getTableId(), "assigned by the placement driver");
    assertEquals(List.of("ID"), t.getPrimaryKeyList());
    assertEquals(ColumnDefs.of("ID", ColumnType.BIGINT, false), t.getColumns(0));
    assertEquals(ColumnDefs.varchar("NAME", 40, true), t.getColumns(1));
    assertTrue(cmd.splitPoints().isEmpty());
    assertFalse(cmd.ifNotExists());
  }

  @Test
  void compositeKeyKeepsConstraintOrderAndImpliesNotNull() {
    TableDef t =
        create(
                "create table if not exists app.\"Events\" (a int, b date not null, c double,"
                    + " primary key (b, a))")
            .table();
    assertEquals("app", t.getSchema().toLowerCase());
    assertEquals("APP", t.getSchema());
    assertEquals("Events", t.getName());
    assertEquals(List.of("B", "A"), t.getPrimaryKeyList());
    assertFalse(t.getColumns(0).getNullable(), "key column A is NOT NULL without saying so");
    assertTrue(t.getColumns(2).getNullable());
  }

  @Test
  void everyTypeAndItsDefaults() {
    List<ColumnDef> c =
        create(
                "create table t (k bigint primary key, i int, s smallint, d double precision,"
                    + " d1 decimal(10, 2), d2 decimal, d3 numeric(5), v1 varchar(20), v2 varchar,"
                    + " v3 character varying(7), b boolean, dt date, ts timestamp, ts0 timestamp(0),"
                    + " vb varbinary(8), vb2 varbinary)")
            .table()
            .getColumnsList();
    assertEquals(ColumnType.INTEGER, c.get(1).getType());
    assertEquals(ColumnType.SMALLINT, c.get(2).getType());
    assertEquals(ColumnType.DOUBLE, c.get(3).getType());
    assertEquals(ColumnDefs.decimal("D1", 10, 2, true), c.get(4));
    assertEquals(ColumnDefs.decimal("D2", 19, 0, true), c.get(5));
    assertEquals(ColumnDefs.decimal("D3", 5, 0, true), c.get(6));
    assertEquals(ColumnDefs.varchar("V1", 20, true), c.get(7));
    assertEquals(ColumnDefs.varchar("V2", 0, true), c.get(8));
    assertEquals(ColumnDefs.varchar("V3", 7, true), c.get(9));
    assertEquals(ColumnType.BOOLEAN, c.get(10).getType());
    assertEquals(ColumnType.DATE, c.get(11).getType());
    assertEquals(3, c.get(12).getPrecision(), "TIMESTAMP keeps milliseconds");
    assertEquals(0, c.get(13).getPrecision());
    assertEquals(ColumnDefs.varbinary("VB", 8, true), c.get(14));
    assertEquals(ColumnDefs.varbinary("VB2", 0, true), c.get(15));
  }

  @Test
  void defaultsAreCheckedAndStoredAsReparseableSql() {
    List<ColumnDef> c =
        create(
                "create table t (k int primary key, n int not null default -5,"
                    + " s varchar(5) default 'ab''c', p decimal(6,2) default 1.5,"
                    + " d date default date '2024-02-29', t timestamp default current_timestamp,"
                    + " z int default null, f double default 1e3)")
            .table()
            .getColumnsList();
    assertEquals("-5", c.get(1).getDefaultSql());
    assertFalse(c.get(1).getNullable());
    assertEquals("'ab''c'", c.get(2).getDefaultSql());
    assertEquals("1.5", c.get(3).getDefaultSql());
    assertEquals("DATE '2024-02-29'", c.get(4).getDefaultSql());
    assertEquals("CURRENT_TIMESTAMP", c.get(5).getDefaultSql());
    assertEquals("NULL", c.get(6).getDefaultSql());
    assertEquals("", c.get(0).getDefaultSql(), "no default");
    assertEquals(
        (int) LocalDate.of(2024, 2, 29).toEpochDay(),
        LiteralValues.value(CesiumParser.parseExpression(c.get(4).getDefaultSql()), c.get(4)));
    assertEquals(
        new BigDecimal("1.50"),
        LiteralValues.value(CesiumParser.parseExpression(c.get(3).getDefaultSql()), c.get(3)));
    assertEquals(
        1000.0,
        LiteralValues.value(CesiumParser.parseExpression(c.get(7).getDefaultSql()), c.get(7)));
  }

  @Test
  void splitPointsAreEncodedKeyPrefixes() {
    CreateTableCommand cmd =
        create(
            "create table t (region varchar(8), id bigint, primary key (region, id))"
                + " split at (('eu'), ('eu', -10), ('eu', 10.4), ('us'))");
    KeyCodec codec = KeyCodec.of(cmd.table());
    assertEquals(
        List.of(key(codec, "eu"), key(codec, "eu", -10L), key(codec, "eu", 10L), key(codec, "us")),
        cmd.splitPoints());
    CreateTableRequest request = cmd.toRequest();
    assertEquals(cmd.table(), request.getTable());
    assertEquals(cmd.splitPoints(), request.getSplitPointsList());
  }

  @Test
  void splitPointsOfOtherKeyTypes() {
    CreateTableCommand cmd =
        create(
            "create table t (d date primary key) split at ((date '2020-01-01'), (date '2030-01-01'))");
    KeyCodec codec = KeyCodec.of(cmd.table());
    assertEquals(key(codec, (int) LocalDate.of(2020, 1, 1).toEpochDay()), cmd.splitPoints().get(0));
    CreateTableCommand bytes =
        create("create table b (k varbinary(4) primary key) split at ((x'00'), (x'0aff'))");
    assertEquals(2, bytes.splitPoints().size());
  }

  private CreateTableCommand create(String sql) {
    return assertInstanceOf(CreateTableCommand.class, ddl.convert(sql));
  }

  private static ByteString key(KeyCodec codec, Object... values) {
    return ByteString.copyFrom(codec.encodePrefix(List.of(values)));
  }
}
