package io.cesiumdb.tablet;

import static io.cesiumdb.tablet.cluster.TabletClient.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.proto.tablet.ReadConsistency;
import io.cesiumdb.proto.tablet.Row;
import io.cesiumdb.proto.tablet.ScanRequest;
import io.cesiumdb.proto.tablet.ScanResponse;
import io.cesiumdb.tablet.cluster.Poll;
import io.cesiumdb.tablet.cluster.TabletClient;
import io.cesiumdb.tablet.cluster.TestCluster;
import io.cesiumdb.tablet.cluster.TestNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every node of the cluster halted abruptly while writers run, then restarted from its data
 * directory: every acknowledged write is still there (counted), on two tablets, with snapshots and
 * log purges happening during the run.
 */
class FullRestartIT {
  private static final int WRITERS = 4;
  private static final long[] TABLETS = {1, 2};

  @TempDir Path root;

  @Test
  void haltingEveryNodeLosesNoAcknowledgedWrite() throws Exception {
    try (TestCluster cluster = TestCluster.start(root, 3, RaftTuning.forTests())) {
      cluster.createTablets(
          List.of(
              cluster.descriptor(1, 1, "", "", cluster.nodes()),
              cluster.descriptor(2, 2, "", "", cluster.nodes())));
      Queue<String> acked = new ConcurrentLinkedQueue<>();
      AtomicBoolean stop = new AtomicBoolean();
      List<Thread> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        writers.add(startWriter(cluster.client(), w, acked, stop));
      }
      Poll.until(TestCluster.AWAIT, "150 acknowledged writes", () -> acked.size() >= 150);

      for (TestNode n : cluster.nodes()) {
        n.halt(); // writers keep going: some of their writes fail, those are not counted
      }
      stop.set(true);
      for (Thread t : writers) {
        t.join();
      }
      int count = acked.size();

      cluster.nodes().forEach(TestNode::start);
      Set<String> present = new HashSet<>();
      for (long tablet : TABLETS) {
        cluster.leader(tablet);
        present.addAll(scanAll(cluster, tablet));
      }
      List<String> lost = acked.stream().filter(k -> !present.contains(k)).toList();
      System.out.println(
          "Full restart: " + count + " acknowledged writes, all present: " + lost.isEmpty());
      assertEquals(List.of(), lost, "acknowledged writes lost after a full-cluster halt");
      assertTrue(count >= 150);
    }
  }

  private static Thread startWriter(
      TabletClient client, int writer, Queue<String> acked, AtomicBoolean stop) {
    Thread t =
        new Thread(
            () -> {
              for (int i = 0; !stop.get(); i++) {
                long tablet = TABLETS[i % TABLETS.length];
                String key = tablet + ":w" + writer + "-" + i;
                try {
                  client.write(tablet, Duration.ofSeconds(2), put(key, "v"));
                  acked.add(key);
                } catch (AssertionError notAcknowledged) {
                  // the cluster went down under this write: unknown outcome, not counted
                }
              }
            },
            "writer-" + writer);
    t.start();
    return t;
  }

  /** Every key of the tablet, read at the leader at "now", page by page. */
  private static List<String> scanAll(TestCluster cluster, long tablet) {
    List<String> keys = new ArrayList<>();
    com.google.protobuf.ByteString resume = com.google.protobuf.ByteString.EMPTY;
    do {
      ScanRequest request =
          ScanRequest.newBuilder()
              .setTabletId(tablet)
              .setStartKey(resume)
              .setLimit(100)
              .setConsistency(ReadConsistency.LEADER)
              .build();
      ScanResponse page =
          Poll.value(
              TestCluster.AWAIT,
              "a scan of tablet " + tablet,
              () -> {
                ScanResponse r = cluster.leader(tablet).stub().scan(request);
                return r.hasError() ? Optional.empty() : Optional.of(r);
              });
      for (Row row : page.getRowsList()) {
        keys.add(row.getKey().toStringUtf8());
      }
      resume = page.getResumeKey();
    } while (!resume.isEmpty());
    return keys;
  }
}
