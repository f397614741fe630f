package io.cesiumdb.tablet.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.tablet.replication.ReplicaMeta.Applied;
import io.cesiumdb.tablet.storage.InMemoryMvccStore;
import io.cesiumdb.tablet.storage.MvccWriteBatch;
import org.junit.jupiter.api.Test;

class ReplicaMetaTest {
  private final InMemoryMvccStore store = new InMemoryMvccStore();

  @Test
  void appliedPositionAndDescriptorRoundTripAndClear() {
    TabletDescriptor d = TabletDescriptor.newBuilder().setTabletId(4).setKeyspace(9).build();
    assertEquals(Applied.NONE, ReplicaMeta.readApplied(store, 4));
    try (MvccWriteBatch b = store.newBatch()) {
      ReplicaMeta.writeApplied(b, 4, new Applied(3, 17, 123_456));
      ReplicaMeta.writeDescriptor(b, d);
      store.apply(b);
    }
    assertEquals(new Applied(3, 17, 123_456), ReplicaMeta.readApplied(store, 4));
    assertEquals(d, ReplicaMeta.readDescriptor(store, 4).orElseThrow());
    try (MvccWriteBatch b = store.newBatch()) {
      ReplicaMeta.clear(b, 4);
      store.apply(b);
    }
    assertEquals(Applied.NONE, ReplicaMeta.readApplied(store, 4));
    assertTrue(ReplicaMeta.readDescriptor(store, 4).isEmpty());
  }
}
