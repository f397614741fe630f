package io.cesiumdb.tablet;

import static io.cesiumdb.tablet.cluster.TabletClient.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.proto.tablet.CreateReplicaRequest;
import io.cesiumdb.proto.tablet.CreateReplicaResponse;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.tablet.cluster.Census;
import io.cesiumdb.tablet.cluster.TabletClient;
import io.cesiumdb.tablet.cluster.TestCluster;
import io.cesiumdb.tablet.cluster.TestNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * 100 tablets per node on a 3-node cluster in one JVM (300 Raft divisions) start and serve, with
 * the default tuning; prints what they cost (threads, heap, direct memory per division). The count
 * comes from {@code -Dcesium.tablets=N} (default 100) to find the largest that still works; the
 * numbers are recorded in docs/design/replication.md.
 */
class ManyTabletsIT {
  private static final int TABLETS = Integer.getInteger("cesium.tablets", 100);

  @TempDir Path root;

  @Test
  @Timeout(150)
  void aHundredTabletsPerNodeStartAndServe() throws Exception {
    Census before = Census.take();
    try (TestCluster cluster = TestCluster.start(root, 3, RaftTuning.defaults())) {
      Census started = Census.take();
      long t0 = System.nanoTime();
      List<TabletDescriptor> tablets = new ArrayList<>();
      for (long id = 1; id <= TABLETS; id++) {
        tablets.add(cluster.descriptor(id, id, "", "", cluster.nodes()));
      }
      createOnEveryNodeInParallel(cluster, tablets);
      long created = System.nanoTime();
      tablets.forEach(d -> cluster.leader(d.getTabletId()));
      long led = System.nanoTime();
      Census running = Census.take();

      writeAndReadEveryTablet(cluster.client(), tablets);
      long served = System.nanoTime();
      Census serving = Census.take();
      int divisions = 3 * TABLETS;
      System.out.printf(
          "%d tablets x 3 replicas = %d divisions in one JVM (%d cores, max heap %d MB)%n"
              + "  3 empty nodes: %s%n  create: %d ms, all leaders after %d ms,"
              + " one write + one read per tablet: %d ms%n"
              + "  divisions idle:    %s%n  divisions serving: %s%n  thread kinds: %s%n",
          TABLETS,
          divisions,
          Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().maxMemory() >> 20,
          started.perDivision(before, 1).replace("/division", "/cluster"),
          (created - t0) / 1_000_000,
          (led - t0) / 1_000_000,
          (served - led) / 1_000_000,
          running.perDivision(started, divisions),
          serving.perDivision(started, divisions),
          serving.threadKinds());
      for (TestNode n : cluster.nodes()) {
        assertEquals(TABLETS, n.server().hostedTablets().size(), n.id());
      }
      long direct = serving.directBytes() - started.directBytes();
      long bound = (long) divisions * RaftTuning.defaults().writeBufferBytes() * 3 / 2;
      assertTrue(direct < bound, "direct memory " + direct + " within 1.5 x write buffers");
    }
  }

  /** One write and one leader read per tablet, from a few client threads. */
  private static void writeAndReadEveryTablet(TabletClient client, List<TabletDescriptor> ds)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> reads = new ArrayList<>();
      for (TabletDescriptor d : ds) {
        long id = d.getTabletId();
        reads.add(
            pool.submit(
                () -> {
                  client.write(id, put("k", "v" + id));
                  return client.read(id, "k", 0).getValue().toStringUtf8();
                }));
      }
      for (int i = 0; i < ds.size(); i++) {
        assertEquals("v" + ds.get(i).getTabletId(), reads.get(i).get());
      }
    } finally {
      pool.shutdown();
    }
  }

  private static void createOnEveryNodeInParallel(TestCluster cluster, List<TabletDescriptor> ds)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(cluster.size());
    try {
      List<Future<?>> done = new ArrayList<>();
      for (TestNode n : cluster.nodes()) {
        done.add(
            pool.submit(
                () -> {
                  for (TabletDescriptor d : ds) {
                    CreateReplicaResponse r =
                        n.stub()
                            .createReplica(CreateReplicaRequest.newBuilder().setTablet(d).build());
                    if (r.hasError()) {
                      throw new AssertionError(n.id() + ": " + r.getError());
                    }
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }
}
