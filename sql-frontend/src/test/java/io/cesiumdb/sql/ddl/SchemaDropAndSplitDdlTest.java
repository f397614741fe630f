package io.cesiumdb.sql.ddl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.placement.TableDef;
import io.cesiumdb.sql.catalog.InMemoryCatalog;
import io.cesiumdb.sql.codec.KeyCodec;
import io.cesiumdb.sql.parser.CesiumParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaDropAndSplitDdlTest {
  private final InMemoryCatalog catalog = InMemoryCatalog.withDefaultSchema();
  private final DdlConverter ddl = new DdlConverter(catalog, "PUBLIC");

  @Test
  void createSchema() {
    assertEquals(new CreateSchemaCommand("APP", false), ddl.convert("create schema app"));
    assertEquals(
        new CreateSchemaCommand("Mixed", true),
        ddl.convert("create schema if not exists \"Mixed\""));
  }

  @Test
  void dropTableResolvesTheDefaultSchema() {
    assertEquals(new DropTableCommand("PUBLIC", "T", false), ddl.convert("drop table t"));
    DropTableCommand drop = (DropTableCommand) ddl.convert("DROP TABLE IF EXISTS app.t");
    assertEquals(new DropTableCommand("APP", "T", true), drop);
    assertEquals("APP", drop.toRequest().getSchema());
    assertEquals("T", drop.toRequest().getName());
    assertEquals(
        new DropTableCommand("S2", "T", false),
        new DdlConverter(catalog, "S2").convert("drop table t"));
  }

  @Test
  void alterTableSplitEncodesAKeyOfTheCatalogTable() {
    CreateTableCommand create =
        (CreateTableCommand)
            ddl.convert(
                "create table orders (region varchar(4), id bigint, primary key (region, id))");
    TableDef table = catalog.createTable(create.table());
    SplitTableCommand split =
        (SplitTableCommand) ddl.convert("alter table orders split at ('eu', 100)");
    assertEquals(table, split.table());
    KeyCodec codec = KeyCodec.of(table);
    assertEquals(ByteString.copyFrom(codec.encode("eu", 100L)), split.splitKey());
    SplitTableCommand prefix =
        (SplitTableCommand) ddl.convert("alter table public.orders split at ('us')");
    assertEquals(ByteString.copyFrom(codec.encodePrefix(List.of("us"))), prefix.splitKey());
    CesiumException tooMany =
        assertThrows(
            CesiumException.class, () -> ddl.convert("alter table orders split at ('eu', 1, 2)"));
    assertEquals(ErrorCode.VALIDATION_ERROR, tooMany.code());
  }

  @Test
  void isDdlSeparatesDdlFromEverythingElse() {
    assertTrue(DdlConverter.isDdl(CesiumParser.parseStatement("create schema s")));
    assertTrue(DdlConverter.isDdl(CesiumParser.parseStatement("drop table t")));
    assertTrue(DdlConverter.isDdl(CesiumParser.parseStatement("alter table t split at (1)")));
    assertEquals(
        false, DdlConverter.isDdl(CesiumParser.parseStatement("insert into t values (1)")));
    assertEquals(false, DdlConverter.isDdl(CesiumParser.parseStatement("alter session set a = 1")));
  }
}
