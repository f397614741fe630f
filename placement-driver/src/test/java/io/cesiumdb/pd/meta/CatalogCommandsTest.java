package io.cesiumdb.pd.meta;

import static io.cesiumdb.pd.meta.MetaCommands.drop;
import static io.cesiumdb.pd.meta.MetaCommands.fails;
import static io.cesiumdb.pd.meta.MetaCommands.key;
import static io.cesiumdb.pd.meta.MetaCommands.ok;
import static io.cesiumdb.pd.meta.MetaCommands.schema;
import static io.cesiumdb.pd.meta.MetaCommands.table;
import static io.cesiumdb.pd.meta.MetaCommands.tableDef;
import static io.cesiumdb.pd.meta.MetaCommands.withNodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.placement.TableDef;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogCommandsTest {
  private static final List<List<String>> ONE = List.of(List.of("n1", "n2", "n3"));

  @Test
  void createSchemaAndTableAllocatesIdsAndVersion() {
    MetaState state = withNodes(3);
    long v0 = state.catalogVersion();

    TableCreated created =
        ok(state, table(tableDef("app", "t"), List.of(), ONE)).value(TableCreated.class);

    TableDef t = created.table();
    assertEquals(1, t.getTableId());
    assertEquals(1, t.getSchemaVersion());
    assertEquals(List.of("id"), t.getPrimaryKeyList());
    assertEquals(t, state.table("app", "t").orElseThrow());
    assertEquals(t, state.table(1).orElseThrow());
    assertEquals(List.of("app"), state.schemas());
    assertEquals(v0 + 1, state.catalogVersion());
    assertEquals(1, created.tablets().size());
    assertEquals(List.of("n1", "n2", "n3"), created.tablets().get(0).getReplicasList());
    assertEquals("n1", created.tablets().get(0).getLeaderHint());
    assertEquals(1, created.tablets().get(0).getEpoch());
  }

  @Test
  void duplicateTableIsTableExists() {
    MetaState state = withNodes(3);
    ok(state, table(tableDef("app", "t"), List.of(), ONE));

    fails(state, table(tableDef("app", "t"), List.of(), ONE), ErrorCode.TABLE_EXISTS);
  }

  @Test
  void tableInMissingSchemaIsSchemaNotFound() {
    MetaState state = withNodes(3);

    fails(state, table(tableDef("nope", "t"), List.of(), ONE), ErrorCode.SCHEMA_NOT_FOUND);
    fails(state, drop("nope", "t"), ErrorCode.SCHEMA_NOT_FOUND);
  }

  @Test
  void duplicateSchemaIsValidationError() {
    fails(withNodes(1), schema("app"), ErrorCode.VALIDATION_ERROR);
  }

  @Test
  void dropRemovesTableAndTabletsAndIdsAreNotReused() {
    MetaState state = withNodes(3);
    ok(state, table(tableDef("app", "t"), List.of(key("m")), List.of(ONE.get(0), ONE.get(0))));

    TableDropped dropped = ok(state, drop("app", "t")).value(TableDropped.class);

    assertEquals(2, dropped.tablets().size());
    assertTrue(state.table("app", "t").isEmpty());
    assertTrue(state.tablets(1).isEmpty());
    assertTrue(state.tablet(1).isEmpty());
    fails(state, drop("app", "t"), ErrorCode.TABLE_NOT_FOUND);
    TableCreated again =
        ok(state, table(tableDef("app", "t"), List.of(), ONE)).value(TableCreated.class);
    assertEquals(2, again.table().getTableId());
    assertEquals(3, again.tablets().get(0).getTabletId());
  }

  @Test
  void badDefinitionsAreRejected() {
    MetaState state = withNodes(3);
    TableDef good = tableDef("app", "t");

    fails(
        state,
        table(good.toBuilder().setTableId(7).build(), List.of(), ONE),
        ErrorCode.INVALID_ARGUMENT);
    fails(
        state,
        table(good.toBuilder().clearPrimaryKey().build(), List.of(), ONE),
        ErrorCode.INVALID_ARGUMENT);
    fails(
        state,
        table(good.toBuilder().addPrimaryKey("zz").build(), List.of(), ONE),
        ErrorCode.COLUMN_NOT_FOUND);
    fails(
        state,
        table(good.toBuilder().addColumns(good.getColumns(0)).build(), List.of(), ONE),
        ErrorCode.INVALID_ARGUMENT);
    // placements must match split points, name registered distinct nodes
    fails(state, table(good, List.of(key("m")), ONE), ErrorCode.INVALID_ARGUMENT);
    fails(
        state,
        table(good, List.of(), List.of(List.of("n1", "n1", "n2"))),
        ErrorCode.INVALID_ARGUMENT);
    fails(
        state,
        table(good, List.of(), List.of(List.of("n1", "n2", "n9"))),
        ErrorCode.INVALID_ARGUMENT);
    // split points non-empty and strictly increasing
    List<List<String>> two = List.of(ONE.get(0), ONE.get(0), ONE.get(0));
    fails(state, table(good, List.of(key("m"), key("m")), two), ErrorCode.INVALID_ARGUMENT);
    fails(state, table(good, List.of(key("m"), key("c")), two), ErrorCode.INVALID_ARGUMENT);
    fails(state, table(good, List.of(key(""), key("c")), two), ErrorCode.INVALID_ARGUMENT);
  }
}
