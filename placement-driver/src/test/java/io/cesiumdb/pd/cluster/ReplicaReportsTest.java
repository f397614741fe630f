package io.cesiumdb.pd.cluster;

import static io.cesiumdb.pd.ClusterBuilder.cluster;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplicaReportsTest {

  @Test
  void missingAndOrphanReplicasOfUpNodesOnly() {
    // node | state   | directory places | reports
    // n1   | UP      | 1, 2             | 1, 2
    // n2   | UP      | 1, 2             | 1          → t2@n2 missing
    // n3   | SUSPECT | 1                | -          → stale, skipped
    // n4   | UP      | 2                | 1, 2, 99   → t1@n4 orphan; 99 unknown, ignored
    // n5   | DOWN    | -                | 1          → stale, skipped
    ClusterView view =
        cluster()
            .up("n1", "n2", "n4")
            .suspect("n3")
            .down("n5")
            .tablet(1, "n1*", "n2", "n3")
            .tablet(2, "n1", "n2*", "n4")
            .reports("n1", 1, 2)
            .reports("n2", 1)
            .reports("n4", 1, 2, 99)
            .reports("n5", 1)
            .build();

    assertEquals(Set.of(new ReplicaRef(2, "n2")), ReplicaReports.missing(view));
    assertEquals(Set.of(new ReplicaRef(1, "n4")), ReplicaReports.orphans(view));
  }

  @Test
  void aViewCarriesLostReplicasThroughItsCopies() {
    ClusterView view =
        cluster().up("n1", "n2", "n3").tablet(1, "n1*", "n2", "n3").lost(1, "n2").build();

    ClusterView copy = view.withPending(Set.of(7L)).withTablet(view.tablet(1).orElseThrow());

    assertTrue(copy.isLost(1, "n2"));
    assertFalse(copy.isLost(1, "n3"));
    assertEquals(Set.of(), copy.withLostReplicas(Set.of()).lostReplicas());
  }
}
