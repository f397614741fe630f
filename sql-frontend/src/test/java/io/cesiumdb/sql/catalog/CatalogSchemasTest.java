package io.cesiumdb.sql.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.proto.placement.TableDef;
import io.cesiumdb.sql.ddl.CreateTableCommand;
import io.cesiumdb.sql.ddl.DdlConverter;
import io.cesiumdb.sql.parser.CesiumParser;
import io.cesiumdb.sql.types.CesiumTypeSystem;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.tools.FrameworkConfig;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.Planner;
import org.apache.calcite.tools.ValidationException;
import org.apache.calcite.util.ImmutableBitSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adapter under Calcite's own validator, with our parser configuration and type system. */
class CatalogSchemasTest {
  private final InMemoryCatalog catalog = InMemoryCatalog.withDefaultSchema();
  private SchemaPlus root;

  @BeforeEach
  void setUp() {
    catalog.createSchema("APP");
    create(
        "create table users (id bigint primary key, name varchar(20) not null, score decimal(8, 2))");
    create("create table app.events (d date, seq int, payload varbinary, primary key (d, seq))");
    root = CatalogSchemas.rootSchema(catalog);
  }

  @Test
  void unquotedNamesResolveUpperCasedAndRowTypesComeFromTheCatalog() throws Exception {
    RelDataType row = validate("select id, Name, score from users where id = 1");
    assertEquals(List.of("ID", "NAME", "SCORE"), row.getFieldNames());
    assertEquals(SqlTypeName.BIGINT, row.getFieldList().get(0).getType().getSqlTypeName());
    assertEquals(false, row.getFieldList().get(1).getType().isNullable());
    assertEquals(20, row.getFieldList().get(1).getType().getPrecision());
    assertEquals(8, row.getFieldList().get(2).getType().getPrecision());
    assertEquals(2, row.getFieldList().get(2).getType().getScale());
    RelDataType events = validate("select * from app.events");
    assertEquals(List.of("D", "SEQ", "PAYLOAD"), events.getFieldNames());
  }

  @Test
  void quotedNamesAreExact() throws Exception {
    assertThrows(ValidationException.class, () -> validate("select \"id\" from users"));
    assertThrows(ValidationException.class, () -> validate("select id from \"users\""));
    assertEquals(
        List.of("ID"), validate("select \"ID\" from \"PUBLIC\".\"USERS\"").getFieldNames());
  }

  @Test
  void tablesCreatedLaterAreSeenAndDroppedOnesAreGone() throws Exception {
    create("create table later (k int primary key)");
    assertEquals(List.of("K"), validate("select * from later").getFieldNames());
    catalog.dropTable("PUBLIC", "LATER");
    assertThrows(ValidationException.class, () -> validate("select * from later"));
  }

  @Test
  void aTableMissingFromAStaleListingStillResolvesByName() throws Exception {
    List<TableDef> before = catalog.tables("PUBLIC");
    create("create table fresh (k int primary key)");
    Catalog staleListing =
        new Catalog() {
          @Override
          public List<String> schemas() {
            return catalog.schemas();
          }

          @Override
          public boolean hasSchema(String schema) {
            return catalog.hasSchema(schema);
          }

          @Override
          public List<TableDef> tables(String schema) {
            return schema.equals("PUBLIC") ? before : catalog.tables(schema);
          }

          @Override
          public java.util.Optional<TableDef> table(String schema, String name) {
            return catalog.table(schema, name);
          }

          @Override
          public long version() {
            return catalog.version();
          }
        };
    root = CatalogSchemas.rootSchema(staleListing);

    assertEquals(List.of("K"), validate("select * from fresh").getFieldNames());
    assertEquals(false, root.getSubSchema("PUBLIC").getTableNames().contains("FRESH"));
  }

  @Test
  void tablesExposeTheirDefinitionAndKey() throws Exception {
    CesiumTable events = (CesiumTable) root.getSubSchema("APP").getTable("EVENTS");
    TableDef def = events.tableDef();
    assertEquals(List.of("D", "SEQ"), def.getPrimaryKeyList());
    assertTrue(events.getStatistic().isKey(ImmutableBitSet.of(0, 1)));
    assertEquals(false, events.getStatistic().isKey(ImmutableBitSet.of(0)));
    assertEquals(
        List.of("APP", "PUBLIC"), List.copyOf(root.getSubSchemaNames()).stream().sorted().toList());
    Planner planner = planner();
    RelNode rel =
        planner.rel(planner.validate(planner.parse("select seq from app.events"))).project();
    assertTrue(rel.explain().contains("EVENTS"), rel.explain());
  }

  private RelDataType validate(String sql) throws Exception {
    Planner planner = planner();
    try {
      SqlNode parsed = planner.parse(sql);
      return planner.validateAndGetType(parsed).getValue();
    } finally {
      planner.close();
    }
  }

  private Planner planner() {
    FrameworkConfig config =
        Frameworks.newConfigBuilder()
            .parserConfig(CesiumParser.CONFIG)
            .defaultSchema(root.getSubSchema(Catalog.DEFAULT_SCHEMA))
            .typeSystem(CesiumTypeSystem.INSTANCE)
            .build();
    return Frameworks.getPlanner(config);
  }

  private void create(String sql) {
    CreateTableCommand cmd = (CreateTableCommand) new DdlConverter(catalog, "PUBLIC").convert(sql);
    catalog.createTable(cmd.table());
  }
}
