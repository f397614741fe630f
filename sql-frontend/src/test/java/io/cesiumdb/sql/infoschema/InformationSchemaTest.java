package io.cesiumdb.sql.infoschema;

import static io.cesiumdb.sql.session.SqlFixture.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.sql.session.PreparedSql;
import io.cesiumdb.sql.session.SqlFixture;
import io.cesiumdb.sql.session.SqlResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** INFORMATION_SCHEMA through a session: contents, freshness under cached plans, read-only. */
class InformationSchemaTest {
  private final SqlFixture db = new SqlFixture();

  @Test
  void tablesAndColumnsDescribeTheCatalog() {
    db.exec(
        "create table t (k varchar(5) not null, n decimal(8, 3) default 1.5, ts timestamp(0),"
            + " primary key (k))");
    assertEquals(
        List.of(row("INFORMATION_SCHEMA"), row("PUBLIC")),
        db.rows("select schema_name from information_schema.schemata"));
    assertEquals(
        List.of(row(null, "PUBLIC", "T", "BASE TABLE")),
        db.rows("select * from information_schema.tables where table_schema = 'PUBLIC'"));
    assertEquals(
        List.of(
            row("K", 1, null, "NO", "VARCHAR", 5, 20, null, null, null, null),
            row("N", 2, "1.5", "YES", "DECIMAL", null, null, 8, 10, 3, null),
            row("TS", 3, null, "YES", "TIMESTAMP", null, null, null, null, null, 0)),
        db.rows(
            "select column_name, ordinal_position, column_default, is_nullable, data_type,"
                + " character_maximum_length, character_octet_length, numeric_precision,"
                + " numeric_precision_radix, numeric_scale, datetime_precision"
                + " from information_schema.columns where table_name = 'T'"));
    assertEquals(
        List.of(row("T_PK", "K", 1)),
        db.rows(
            "select constraint_name, column_name, ordinal_position"
                + " from information_schema.key_column_usage where table_name = 'T'"));
  }

  @Test
  void aCachedOrPreparedQuerySeesTheCatalogAsItIsWhenItRuns() {
    String sql = "select table_name from information_schema.tables where table_schema = 'PUBLIC'";
    PreparedSql prepared = db.session.prepare(sql);
    assertEquals(List.of(), db.rows(sql));
    db.exec("create table a (id integer primary key)");
    assertEquals(List.of(row("A")), db.rows(sql));
    db.exec("create table b (id integer primary key)");
    assertEquals(
        List.of(row("A"), row("B")), SqlFixture.rowsOf(db.session.execute(prepared, List.of())));
    db.exec("drop table a");
    assertEquals(List.of(row("B")), db.rows(sql));
  }

  @Test
  void theSchemaDescribesItselfAndCanBeTheDefaultSchema() {
    db.session.setSchema(InformationSchema.NAME);
    SqlResult r = db.exec("select count(*) from columns where table_schema = 'INFORMATION_SCHEMA'");
    long systemColumns =
        SystemTables.definitions().stream().mapToLong(t -> t.getColumnsCount()).sum();
    assertEquals(List.of(row(systemColumns)), SqlFixture.rowsOf(r));
    assertEquals(
        List.of(row("COLUMNS"), row("KEY_COLUMN_USAGE"), row("SCHEMATA")),
        db.rows(
            "select table_name from tables where table_type = 'SYSTEM TABLE'"
                + " and table_name < 'T' order by table_name"));
  }

  @Test
  void itIsReadOnlyAndItsNameIsReserved() {
    db.fails(ErrorCode.FEATURE_NOT_SUPPORTED, "delete from information_schema.tables");
    db.fails(ErrorCode.VALIDATION_ERROR, "create schema information_schema");
    db.fails(
        ErrorCode.SCHEMA_NOT_FOUND, "create table information_schema.x (id integer primary key)");
    assertTrue(db.catalog.schemas().stream().noneMatch(InformationSchema::isSystemSchema));
  }
}
