package io.cesiumdb.sql.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.placement.ColumnType;
import io.cesiumdb.proto.placement.TableDef;
import io.cesiumdb.sql.types.ColumnDefs;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryCatalogTest {

  static TableDef table(String schema, String name) {
    return TableDef.newBuilder()
        .setSchema(schema)
        .setName(name)
        .addColumns(ColumnDefs.of("ID", ColumnType.BIGINT, false))
        .addColumns(ColumnDefs.varchar("NAME", 20, true))
        .addPrimaryKey("ID")
        .build();
  }

  @Test
  void tablesGetSequentialIdsAndVersionOne() {
    InMemoryCatalog c = InMemoryCatalog.withDefaultSchema();
    long v0 = c.version();
    TableDef b = c.createTable(table("PUBLIC", "B"));
    TableDef a = c.createTable(table("PUBLIC", "A"));
    assertEquals(1, b.getTableId());
    assertEquals(2, a.getTableId());
    assertEquals(1, a.getSchemaVersion());
    assertEquals(List.of(a, b), c.tables("PUBLIC"), "sorted by name");
    assertEquals(a, c.table("PUBLIC", "A").orElseThrow());
    assertTrue(c.version() > v0);
    c.dropTable("PUBLIC", "A");
    assertTrue(c.table("PUBLIC", "A").isEmpty());
    assertEquals(3, c.createTable(table("PUBLIC", "A")).getTableId(), "ids are never reused");
  }

  @Test
  void namesAreExact() {
    InMemoryCatalog c = InMemoryCatalog.withDefaultSchema();
    c.createTable(table("PUBLIC", "T"));
    assertTrue(c.table("PUBLIC", "t").isEmpty());
    assertTrue(c.table("public", "T").isEmpty());
    assertFalse(c.hasSchema("public"));
  }

  @Test
  void errors() {
    InMemoryCatalog c = InMemoryCatalog.withDefaultSchema();
    c.createTable(table("PUBLIC", "T"));
    assertEquals(ErrorCode.TABLE_EXISTS, code(() -> c.createTable(table("PUBLIC", "T"))));
    assertEquals(ErrorCode.SCHEMA_NOT_FOUND, code(() -> c.createTable(table("NOPE", "T"))));
    assertEquals(ErrorCode.TABLE_NOT_FOUND, code(() -> c.dropTable("PUBLIC", "X")));
    assertEquals(ErrorCode.VALIDATION_ERROR, code(() -> c.createSchema("PUBLIC")));
    assertEquals(
        ErrorCode.INVALID_ARGUMENT,
        code(() -> c.createTable(table("PUBLIC", "U").toBuilder().setTableId(9).build())));
    assertEquals(List.of(), c.tables("NOPE"));
    c.createSchema("APP");
    assertEquals(List.of("APP", "PUBLIC"), c.schemas());
  }

  private static ErrorCode code(Runnable r) {
    return assertThrows(CesiumException.class, r::run).code();
  }
}
