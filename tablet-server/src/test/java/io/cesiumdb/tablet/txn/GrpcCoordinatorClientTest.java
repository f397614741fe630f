package io.cesiumdb.tablet.txn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.tablet.ReplicaDescriptor;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class GrpcCoordinatorClientTest {
  private static final TabletDescriptor COORDINATOR =
      TabletDescriptor.newBuilder()
          .setTabletId(7)
          .addReplicas(ReplicaDescriptor.newBuilder().setNodeId("n1"))
          .build();

  @Test
  void aReplicaWithoutAddressIsReportedUnavailable() {
    try (GrpcCoordinatorClient client = new GrpcCoordinatorClient(node -> null)) {
      ExecutionException e =
          assertThrows(
              ExecutionException.class, () -> client.status(COORDINATOR, "t1", false).get());
      CesiumException cause = assertInstanceOf(CesiumException.class, e.getCause());
      assertEquals(ErrorCode.UNAVAILABLE, cause.code(), cause.getMessage());
    }
  }

  @Test
  void afterCloseAQuestionFailsAsShuttingDownInsteadOfThrowing() {
    GrpcCoordinatorClient client = new GrpcCoordinatorClient(node -> "127.0.0.1:1");
    client.close();

    ExecutionException e =
        assertThrows(ExecutionException.class, () -> client.status(COORDINATOR, "t1", false).get());
    CesiumException cause = assertInstanceOf(CesiumException.class, e.getCause());
    assertEquals(ErrorCode.SHUTTING_DOWN, cause.code());
  }
}
