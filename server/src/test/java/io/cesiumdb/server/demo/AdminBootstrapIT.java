package io.cesiumdb.server.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.pd.service.PdPeer;
import io.cesiumdb.proto.placement.AuthenticateRequest;
import io.cesiumdb.proto.placement.AuthenticateResponse;
import io.cesiumdb.proto.placement.ListUsersRequest;
import io.cesiumdb.proto.placement.ListUsersResponse;
import io.cesiumdb.proto.placement.UserInfo;
import io.cesiumdb.server.node.AdminCredentials;
import io.cesiumdb.server.rpc.PdClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's bootstrap user: a new cluster gets user {@code cesium} with the generated (or
 * configured) password, which authenticates at the PD while a wrong one does not; a second
 * bootstrap finds the user and changes nothing.
 */
class AdminBootstrapIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void generatedPasswordAuthenticatesAndAWrongOneDoesNot() {
    try (LocalCluster cluster = oneNode().start();
        PdClient pd = client(cluster)) {
      assertEquals(Optional.empty(), cluster.adminCredentials());

      AdminCredentials admin = cluster.bootstrapAdmin(WAIT);

      assertEquals("cesium", admin.user());
      assertTrue(admin.created());
      assertEquals(20, admin.password().length());
      assertEquals("user cesium, password " + admin.password(), admin.describe());
      assertFalse(admin.toString().contains(admin.password()), "toString hides the password");
      assertEquals(Optional.of(admin), cluster.adminCredentials());
      authenticate(pd, "cesium", admin.password());
      CesiumException wrong =
          assertThrows(
              CesiumException.class, () -> authenticate(pd, "cesium", admin.password() + "x"));
      assertEquals(ErrorCode.AUTH_FAILED, wrong.code());
      assertEquals("28P01", wrong.code().sqlState());

      AdminCredentials again = cluster.bootstrapAdmin(WAIT);
      assertFalse(again.created(), "the cluster already has its user");
      authenticate(pd, "cesium", admin.password());
      assertEquals(List.of("cesium"), users(pd));
    }
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void configuredPasswordIsTheOneStored() {
    try (LocalCluster cluster = oneNode().adminPassword("demo-pw-123").start();
        PdClient pd = client(cluster)) {
      AdminCredentials admin = cluster.bootstrapAdmin(WAIT);

      assertEquals(new AdminCredentials("cesium", "demo-pw-123", true), admin);
      authenticate(pd, "cesium", "demo-pw-123");
      assertEquals(
          ErrorCode.AUTH_FAILED,
          assertThrows(CesiumException.class, () -> authenticate(pd, "root", "demo-pw-123"))
              .code());
    }
  }

  private LocalClusterBuilder oneNode() {
    return LocalCluster.builder()
        .nodes(1)
        .dataDir(dir)
        // Fewer PBKDF2 rounds than production: this checks the flow, not the hash's cost.
        .pdConfig(c -> c.withPasswordHashIterations(10_000));
  }

  private static PdClient client(LocalCluster cluster) {
    return new PdClient(
        "test",
        cluster.pdPeers().stream().map(PdPeer::serviceAddress).toList(),
        Duration.ofSeconds(15));
  }

  private static void authenticate(PdClient pd, String user, String password) {
    AuthenticateRequest req =
        AuthenticateRequest.newBuilder().setName(user).setPassword(password).build();
    pd.call(stub -> stub.authenticate(req), AuthenticateResponse::getError);
  }

  private static List<String> users(PdClient pd) {
    return pd
        .call(
            stub -> stub.listUsers(ListUsersRequest.getDefaultInstance()),
            ListUsersResponse::getError)
        .getUsersList()
        .stream()
        .map(UserInfo::getName)
        .toList();
  }
}
