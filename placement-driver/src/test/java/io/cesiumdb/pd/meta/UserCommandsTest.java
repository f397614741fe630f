package io.cesiumdb.pd.meta;

import static io.cesiumdb.pd.meta.MetaCommands.createUser;
import static io.cesiumdb.pd.meta.MetaCommands.credential;
import static io.cesiumdb.pd.meta.MetaCommands.dropUser;
import static io.cesiumdb.pd.meta.MetaCommands.fails;
import static io.cesiumdb.pd.meta.MetaCommands.ok;
import static io.cesiumdb.pd.meta.MetaCommands.schema;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.placement.UserEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CreateUser / DropUser on the state machine, and users in snapshots. */
class UserCommandsTest {

  @Test
  void createStoresTheCredentialAsGivenAndDoesNotTouchTheCatalogVersion() {
    MetaState state = new MetaState();
    ok(state, schema("app"));
    long version = state.catalogVersion();

    UserChange created = ok(state, createUser("alice")).value(UserChange.class);

    assertEquals(new UserChange("alice", true), created);
    assertEquals(credential("alice"), state.user("alice").orElseThrow());
    assertEquals(version, state.catalogVersion());
  }

  @Test
  void duplicateIsRefusedUnlessIfNotExists() {
    MetaState state = new MetaState();
    ok(state, createUser("alice"));
    UserEntry other = credential("alice").toBuilder().setIterations(5).build();

    fails(state, createUser(other, false, false), ErrorCode.VALIDATION_ERROR);
    UserChange noop = ok(state, createUser(other, true, false)).value(UserChange.class);

    assertEquals(new UserChange("alice", false), noop);
    assertEquals(credential("alice"), state.user("alice").orElseThrow(), "first one kept");
  }

  @Test
  void bootstrapCreatesOnlyTheFirstUser() {
    MetaState state = new MetaState();

    assertTrue(
        ok(state, createUser(credential("cesium"), false, true)).value(UserChange.class).changed());
    UserChange second =
        ok(state, createUser(credential("other"), false, true)).value(UserChange.class);

    assertEquals(new UserChange("other", false), second);
    assertEquals(List.of("cesium"), state.users().stream().map(UserEntry::getName).toList());
  }

  @Test
  void dropRemovesAndMissingIsRefusedUnlessIfExists() {
    MetaState state = new MetaState();
    ok(state, createUser("alice"));

    assertEquals(
        new UserChange("alice", true), ok(state, dropUser("alice", false)).value(UserChange.class));
    assertTrue(state.user("alice").isEmpty());
    fails(state, dropUser("alice", false), ErrorCode.VALIDATION_ERROR);
    assertEquals(
        new UserChange("alice", false), ok(state, dropUser("alice", true)).value(UserChange.class));
  }

  @Test
  void incompleteCredentialsAreInvalid() {
    MetaState state = new MetaState();
    UserEntry good = credential("bob");

    fails(state, createUser(good.toBuilder().setName("").build(), false, false), invalid());
    fails(state, createUser(good.toBuilder().clearSalt().build(), false, false), invalid());
    fails(state, createUser(good.toBuilder().clearHash().build(), false, false), invalid());
    fails(state, createUser(good.toBuilder().setIterations(0).build(), false, false), invalid());
    fails(state, createUser(good.toBuilder().clearAlgorithm().build(), false, false), invalid());
  }

  @Test
  void usersAndSchemasRoundTripThroughSnapshotsSortedByName() {
    MetaState a = new MetaState();
    MetaState b = new MetaState();
    for (var cmd :
        List.of(
            createUser("zoe"),
            schema("PUBLIC"),
            createUser("alice"),
            schema("app"),
            createUser("mike"),
            dropUser("mike", false))) {
      assertEquals(a.apply(cmd), b.apply(cmd));
    }

    byte[] bytes = a.toSnapshot();
    MetaState restored = MetaState.fromSnapshot(bytes);

    assertArrayEquals(bytes, b.toSnapshot(), "same commands, same bytes");
    assertArrayEquals(bytes, restored.toSnapshot());
    assertEquals(
        List.of("alice", "zoe"), restored.users().stream().map(UserEntry::getName).toList());
    assertEquals(credential("zoe"), restored.user("zoe").orElseThrow());
    assertEquals(List.of("PUBLIC", "app"), restored.schemas());
    assertEquals(a.catalogVersion(), restored.catalogVersion());
  }

  private static ErrorCode invalid() {
    return ErrorCode.INVALID_ARGUMENT;
  }
}
