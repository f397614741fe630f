package io.cesiumdb.pd.meta;

import static io.cesiumdb.pd.meta.MetaCommands.drop;
import static io.cesiumdb.pd.meta.MetaCommands.dropSchema;
import static io.cesiumdb.pd.meta.MetaCommands.fails;
import static io.cesiumdb.pd.meta.MetaCommands.ok;
import static io.cesiumdb.pd.meta.MetaCommands.schema;
import static io.cesiumdb.pd.meta.MetaCommands.schemaIfNotExists;
import static io.cesiumdb.pd.meta.MetaCommands.table;
import static io.cesiumdb.pd.meta.MetaCommands.tableDef;
import static io.cesiumdb.pd.meta.MetaCommands.withNodes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.common.error.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CreateSchema / DropSchema on the state machine, and the catalog version they move. */
class SchemaCommandsTest {
  private static final List<List<String>> ONE = List.of(List.of("n1", "n2", "n3"));

  @Test
  void defaultSchemaBootstrapIsIdempotentAndBumpsTheVersionOnce() {
    MetaState state = new MetaState();

    SchemaChange first =
        ok(state, schemaIfNotExists(MetaState.DEFAULT_SCHEMA)).value(SchemaChange.class);
    byte[] after = state.toSnapshot();
    SchemaChange again =
        ok(state, schemaIfNotExists(MetaState.DEFAULT_SCHEMA)).value(SchemaChange.class);

    assertEquals(new SchemaChange("PUBLIC", true, 1), first);
    assertEquals(new SchemaChange("PUBLIC", false, 1), again);
    assertArrayEquals(after, state.toSnapshot(), "a second bootstrap changes nothing");
    assertEquals(List.of("PUBLIC"), state.schemas());
    fails(state, schema("PUBLIC"), ErrorCode.VALIDATION_ERROR);
  }

  @Test
  void dropRefusesANonEmptySchemaAndNamesItsTables() {
    MetaState state = withNodes(3);
    ok(state, table(tableDef("app", "orders"), List.of(), ONE));

    MetaResult.Failed refused = fails(state, dropSchema("app", false), ErrorCode.VALIDATION_ERROR);

    assertTrue(refused.message().contains("not empty"), refused.message());
    assertTrue(refused.message().contains("orders"), refused.message());
    assertEquals(List.of("app"), state.schemas());
  }

  @Test
  void dropOfAnEmptySchemaRemovesItAndBumpsTheVersion() {
    MetaState state = withNodes(3);
    ok(state, table(tableDef("app", "t"), List.of(), ONE));
    ok(state, drop("app", "t"));
    long before = state.catalogVersion();

    SchemaChange dropped = ok(state, dropSchema("app", false)).value(SchemaChange.class);

    assertEquals(new SchemaChange("app", true, before + 1), dropped);
    assertFalse(state.schemas().contains("app"));
    fails(state, table(tableDef("app", "t"), List.of(), ONE), ErrorCode.SCHEMA_NOT_FOUND);
  }

  @Test
  void missingSchemaIsNotFoundUnlessIfExists() {
    MetaState state = withNodes(1);
    long version = state.catalogVersion();

    fails(state, dropSchema("nope", false), ErrorCode.SCHEMA_NOT_FOUND);
    SchemaChange noop = ok(state, dropSchema("nope", true)).value(SchemaChange.class);

    assertEquals(new SchemaChange("nope", false, version), noop);
    assertEquals(version, state.catalogVersion());
  }

  @Test
  void defaultSchemaCannotBeDroppedEvenEmpty() {
    MetaState state = new MetaState();
    ok(state, schemaIfNotExists(MetaState.DEFAULT_SCHEMA));

    MetaResult.Failed refused =
        fails(state, dropSchema("PUBLIC", true), ErrorCode.VALIDATION_ERROR);

    assertTrue(refused.message().contains("default schema"), refused.message());
  }

  @Test
  void emptySchemaNameIsInvalid() {
    fails(new MetaState(), schema(""), ErrorCode.INVALID_ARGUMENT);
  }

  @Test
  void allTablesBySchemaListsSchemaThenName() {
    MetaState state = withNodes(3);
    ok(state, schema("PUBLIC"));
    ok(state, table(tableDef("app", "zeta"), List.of(), ONE));
    ok(state, table(tableDef("PUBLIC", "b"), List.of(), ONE));
    ok(state, table(tableDef("app", "alpha"), List.of(), ONE));

    List<String> names =
        state.allTablesBySchema().stream().map(t -> t.getSchema() + "." + t.getName()).toList();

    assertEquals(List.of("PUBLIC.b", "app.alpha", "app.zeta"), names);
  }
}
