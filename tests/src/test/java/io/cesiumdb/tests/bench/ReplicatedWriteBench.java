package io.cesiumdb.tests.bench;

import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.proto.tablet.WriteRequest;
import io.cesiumdb.server.demo.LocalCluster;
import io.cesiumdb.server.node.NodeConfig;
import io.cesiumdb.server.node.NodeOptions;
import io.cesiumdb.tests.cluster.NodeAddress;
import io.cesiumdb.tests.cluster.Tablets;
import io.cesiumdb.txn.routing.BlockingTabletRouter;
import io.cesiumdb.txn.routing.TabletRouter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Workload driver for replicated tablet writes on a 3-node in-process cluster (real Ratis, real
 * RocksDB, real loopback gRPC): single-row writes through the router with 1 and 64 concurrent
 * writers on one tablet, and 64 writers spread over 64 tablets, beside the disk's fdatasync floor.
 * Prints a Markdown table; the median-throughput run of {@code runs} is reported.
 *
 * <p>Run: {@code bin/bench writes [seconds-per-run] [runs]}.
 */
public final class ReplicatedWriteBench {
  private ReplicatedWriteBench() {}

  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path dir = Files.createTempDirectory("cesium-bench");
    List<Result> results = new ArrayList<>();
    results.add(FsyncFloor.measure(dir, 2000));
    try (LocalCluster cluster =
            LocalCluster.start(3, NodeConfig.DEFAULT_HOST, 0, dir, NodeOptions.simulated());
        TabletRouter router = TabletRouter.builder().build()) {
      List<NodeAddress> nodes = NodeAddress.all(cluster);
      List<TabletDescriptor> many = new ArrayList<>();
      for (int t = 0; t < 64; t++) {
        many.add(Tablets.create(Tablets.descriptor(100 + t, 9, nodes)));
      }
      List<TabletDescriptor> one = List.of(many.get(0));
      warmUp(router.blocking(), many);
      results.add(repeat(runs, () -> run("1 tablet, 1 writer", router, one, 1, seconds)));
      results.add(repeat(runs, () -> run("1 tablet, 64 writers", router, one, 64, seconds)));
      results.add(repeat(runs, () -> run("64 tablets, 64 writers", router, many, 64, seconds)));
    }
    System.out.println("| configuration | p50 ms | p99 ms | writes/s |");
    System.out.println("|---|---|---|---|");
    results.forEach(r -> System.out.println(r.row()));
  }

  interface Run {
    Result once() throws Exception;
  }

  private static Result repeat(int runs, Run run) throws Exception {
    List<Result> all = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      all.add(run.once());
    }
    return Result.median(all);
  }

  private static void warmUp(BlockingTabletRouter r, List<TabletDescriptor> tablets) {
    for (int i = 0; i < 20; i++) {
      for (TabletDescriptor t : tablets) {
        r.write(t, request("warm-" + i));
      }
    }
  }

  private static Result run(
      String name, TabletRouter router, List<TabletDescriptor> tablets, int writers, double seconds)
      throws InterruptedException {
    Latencies all = new Latencies();
    AtomicLong seq = new AtomicLong();
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    for (int w = 0; w < writers; w++) {
      TabletDescriptor t = tablets.get(w % tablets.size());
      Thread th =
          new Thread(
              () -> {
                Latencies mine = new Latencies();
                while (System.nanoTime() < deadline) {
                  long t0 = System.nanoTime();
                  router.blocking().write(t, request("k-" + seq.incrementAndGet()));
                  mine.add((System.nanoTime() - t0) / 1000);
                }
                all.addAll(mine);
              });
      threads.add(th);
      th.start();
    }
    for (Thread th : threads) {
      th.join();
    }
    return Result.of(name, all, (System.nanoTime() - start) / 1e9);
  }

  private static WriteRequest request(String key) {
    return WriteRequest.newBuilder().addMutations(Tablets.put(key, "value-" + key)).build();
  }
}
