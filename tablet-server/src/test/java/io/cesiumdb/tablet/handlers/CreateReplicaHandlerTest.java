package io.cesiumdb.tablet.handlers;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.tablet.ReplicaDescriptor;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import org.junit.jupiter.api.Test;

class CreateReplicaHandlerTest {
  private static TabletDescriptor.Builder tablet() {
    return TabletDescriptor.newBuilder()
        .setTabletId(1)
        .setKeyspace(2)
        .addReplicas(replica("n1"))
        .addReplicas(replica("n2"));
  }

  private static ReplicaDescriptor replica(String node) {
    return ReplicaDescriptor.newBuilder().setNodeId(node).setRaftAddress(node + ":1").build();
  }

  @Test
  void aDescriptorListingThisNodeIsValid() {
    assertDoesNotThrow(() -> CreateReplicaHandler.validate(tablet().build(), "n1"));
  }

  @Test
  void invalidDescriptorsAreRejected() {
    assertInvalid(tablet().build(), "n3"); // not a replica here
    assertInvalid(tablet().addReplicas(replica("n1")).build(), "n1"); // duplicate node
    assertInvalid(tablet().setTabletId(Long.MAX_VALUE).build(), "n1"); // reserved id
    assertInvalid(
        tablet()
            .setStartKey(ByteString.copyFromUtf8("m"))
            .setEndKey(ByteString.copyFromUtf8("a"))
            .build(),
        "n1"); // empty range
    assertInvalid(
        tablet().addReplicas(ReplicaDescriptor.newBuilder().setNodeId("n3")).build(), "n1");
  }

  private static void assertInvalid(TabletDescriptor d, String self) {
    CesiumException e =
        assertThrows(CesiumException.class, () -> CreateReplicaHandler.validate(d, self));
    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
  }
}
