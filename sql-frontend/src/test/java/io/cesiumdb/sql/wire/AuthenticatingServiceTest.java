package io.cesiumdb.sql.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.calcite.avatica.ConnectionPropertiesImpl;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.remote.Service;
import org.junit.jupiter.api.Test;

class AuthenticatingServiceTest {
  private final RecordingService delegate = new RecordingService();
  private final AtomicLong nanos = new AtomicLong();
  private final AuthenticatingService gate =
      new AuthenticatingService(
          delegate.asService(),
          PasswordAuthenticator.of(Map.of("alice", "s3cret")),
          Duration.ofSeconds(10),
          nanos::get);

  @Test
  void rightPasswordOpensAndThePasswordNeverReachesTheMeta() {
    gate.apply(open("c1", "alice", "s3cret"));

    Service.OpenConnectionRequest seen =
        delegate.requestsOf(Service.OpenConnectionRequest.class).get(0);
    assertEquals(Map.of("user", "alice", "schema", "hr"), seen.info);
    gate.apply(new Service.CreateStatementRequest("c1"));
    assertEquals(1, delegate.requestsOf(Service.CreateStatementRequest.class).size());
  }

  @Test
  void wrongPasswordIs28P01AndNothingElseIsServed() {
    AvaticaRuntimeException refused =
        assertThrows(AvaticaRuntimeException.class, () -> gate.apply(open("c1", "alice", "no")));
    assertEquals("28P01", refused.getSqlState());

    AvaticaRuntimeException after =
        assertThrows(
            AvaticaRuntimeException.class,
            () -> gate.apply(new Service.CreateStatementRequest("c1")));
    assertEquals("08003", after.getSqlState());
    assertTrue(delegate.requests.isEmpty(), "the Meta saw " + delegate.requests);
  }

  @Test
  void unknownUserLooksLikeAWrongPassword() {
    AvaticaRuntimeException e =
        assertThrows(AvaticaRuntimeException.class, () -> gate.apply(open("c1", "mallory", "")));
    assertEquals("28P01", e.getSqlState());
  }

  @Test
  void missingCredentialsAre28P01() {
    var bare = new Service.OpenConnectionRequest("c1", null);
    AvaticaRuntimeException e = assertThrows(AvaticaRuntimeException.class, () -> gate.apply(bare));
    assertEquals("28P01", e.getSqlState());
  }

  @Test
  void everyKindOfRequestIsGatedIncludingExecute() {
    var handle = new Meta.StatementHandle("ghost", 1, null);
    assertRefused(() -> gate.apply(new Service.ExecuteRequest(handle, null, 10)));
    assertRefused(() -> gate.apply(new Service.TablesRequest("ghost", null, null, null, null)));
    assertRefused(() -> gate.apply(new Service.CommitRequest("ghost")));
    assertRefused(() -> gate.apply(new Service.PrepareAndExecuteRequest("ghost", 1, "x", 1)));
    assertTrue(delegate.requests.isEmpty());
  }

  @Test
  void closedConnectionIsRefusedAfterwards() {
    gate.apply(open("c1", "alice", "s3cret"));
    gate.apply(new Service.CloseConnectionRequest("c1"));

    assertRefused(() -> gate.apply(new Service.CommitRequest("c1")));
    assertEquals(0, gate.openConnections());
  }

  @Test
  void metaErrorsKeepTheirSqlState() {
    gate.apply(open("c1", "alice", "s3cret"));
    delegate.failure =
        new RuntimeException(new CesiumException(ErrorCode.UNIQUE_VIOLATION, "duplicate key 7"));

    AvaticaRuntimeException e =
        assertThrows(AvaticaRuntimeException.class, () -> gate.apply(sync("c1")));
    assertEquals("23505", e.getSqlState());
    assertEquals(1, gate.openConnections(), "a statement error leaves the connection open");
  }

  @Test
  void metaThatLostTheConnectionMakesItUnknown() {
    gate.apply(open("c1", "alice", "s3cret"));
    delegate.failure =
        new RuntimeException(new org.apache.calcite.avatica.NoSuchConnectionException("c1"));

    AvaticaRuntimeException e =
        assertThrows(AvaticaRuntimeException.class, () -> gate.apply(sync("c1")));
    assertEquals("08003", e.getSqlState());
    assertEquals(0, gate.openConnections());
  }

  @Test
  void idleConnectionsAreClosedWhenAnotherOpens() {
    gate.apply(open("old", "alice", "s3cret"));
    nanos.addAndGet(Duration.ofSeconds(5).toNanos());
    gate.apply(open("recent", "alice", "s3cret"));
    nanos.addAndGet(Duration.ofSeconds(6).toNanos());
    gate.apply(open("new", "alice", "s3cret"));

    assertEquals(
        "old", delegate.requestsOf(Service.CloseConnectionRequest.class).get(0).connectionId);
    assertRefused(() -> gate.apply(sync("old")));
    gate.apply(sync("recent"));
    assertEquals(2, gate.openConnections());
  }

  private static void assertRefused(Runnable call) {
    AvaticaRuntimeException e = assertThrows(AvaticaRuntimeException.class, call::run);
    assertEquals("08003", e.getSqlState());
  }

  private static Service.ConnectionSyncRequest sync(String connectionId) {
    return new Service.ConnectionSyncRequest(connectionId, new ConnectionPropertiesImpl());
  }

  private static Service.OpenConnectionRequest open(String id, String user, String password) {
    return new Service.OpenConnectionRequest(
        id, Map.of("user", user, "password", password, "schema", "hr"));
  }
}
