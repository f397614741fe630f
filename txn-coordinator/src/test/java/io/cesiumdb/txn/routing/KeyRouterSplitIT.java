package io.cesiumdb.txn.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.tablet.Mutation;
import io.cesiumdb.proto.tablet.ReadConsistency;
import io.cesiumdb.proto.tablet.Row;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A split under a key-addressed router, over loopback Netty: tablet 1 [a,∞) of keyspace 9 splits
 * into tablet 1 [a,m) and tablet 2 [m,∞) on the same node (a split copies nothing). The router
 * learns of it only from the tablet's TABLET_MOVED answers and the placement driver.
 */
class KeyRouterSplitIT {
  static final long KS = 9;

  private RangeTabletNode node;
  private FakePlacementDriver pd;
  private KeyRouter router;
  private TabletDescriptor whole;

  @BeforeEach
  void start() throws IOException {
    node = new RangeTabletNode("n1");
    pd = new FakePlacementDriver();
    pd.getLeaderAnswer = pd.address;
    whole = node.tablet(1, KS, "a", "", 1);
    node.host(whole);
    pd.tablets = List.of(whole);
    router =
        KeyRouter.builder()
            .placementAddresses(List.of(pd.address))
            .config(FakeCluster.TEST_CONFIG)
            .build();
  }

  @AfterEach
  void stop() throws InterruptedException {
    router.close();
    node.close();
    pd.close();
  }

  /** The split, as the tablet and the placement driver see it; the router's cache is not told. */
  void split() {
    TabletDescriptor left = node.tablet(1, KS, "a", "m", 2);
    TabletDescriptor right = node.tablet(2, KS, "m", "", 1);
    node.host(left);
    node.host(right);
    pd.tablets = List.of(left, right);
  }

  @Test
  void aWriteAndReadForAKeyPastTheSplitGoToTheNewTablet() {
    assertEquals(1, join(router.tabletFor(KS, utf8("x"))).getTabletId()); // cache warmed
    split();

    join(router.write(KS, List.of(put("x", "after"))));
    String value =
        join(router.read(KS, utf8("x"), ReadConsistency.LEADER, 0)).getValue().toStringUtf8();

    assertEquals("after", value);
    assertEquals(List.of("Moved:1", "Write:2", "Read:2"), node.log);
    assertEquals(2, join(router.tabletFor(KS, utf8("x"))).getTabletId());
    assertEquals(1, join(router.tabletFor(KS, utf8("b"))).getTabletId());
    assertEquals(2, router.cache().tablets(KS).size());
    assertTrue(router.tablets().metrics().snapshot().descriptorRefreshes() >= 1);
  }

  @Test
  void aScanAcrossTwoTabletsReturnsEveryRowInOrderOnce() {
    split();
    for (String k : List.of("b", "c", "d", "l", "m", "n", "x", "z")) {
      node.put(k, "v" + k);
    }
    node.pageLimit = 2;

    List<Row> rows = join(router.scan(KS, utf8("a"), ByteString.EMPTY, 0, ReadConsistency.LEADER));

    assertEquals(List.of("b", "c", "d", "l", "m", "n", "x", "z"), keys(rows));
    assertEquals("vx", rows.get(6).getValue().toStringUtf8());
    assertEquals(
        List.of("c", "d", "l", "m", "n", "x"),
        keys(join(router.scan(KS, utf8("c"), utf8("y"), 0, ReadConsistency.LEADER))));
    assertEquals(
        List.of("b", "c", "d"),
        keys(join(router.scan(KS, utf8("a"), ByteString.EMPTY, 0, ReadConsistency.LEADER, 3))));
  }

  @Test
  void aSplitBetweenPagesWithinTheOldRangeLosesNoRow() {
    for (String k : List.of("b", "c", "d", "n", "o", "p")) {
      node.put(k, "v" + k);
    }
    node.pageLimit = 2;
    node.afterScanPage =
        n -> {
          if (n == 1) {
            split(); // page 2 starts at "d", inside [a,m): the tablet clips and resumes at "m"
          }
        };

    List<Row> rows = join(router.scan(KS, utf8("a"), ByteString.EMPTY, 0, ReadConsistency.LEADER));

    assertEquals(List.of("b", "c", "d", "n", "o", "p"), keys(rows));
    assertTrue(node.log.contains("Scan:2"), node.log.toString());
    assertFalse(
        node.log.stream().anyMatch(e -> e.startsWith("Status")),
        "the resume key says where the rest is: " + node.log);
  }

  @Test
  void aSplitBetweenPagesAtTheResumeKeyIsFollowed() {
    for (String k : List.of("b", "c", "d", "n", "o", "p")) {
      node.put(k, "v" + k);
    }
    node.pageLimit = 3;
    node.afterScanPage =
        n -> {
          if (n == 1) {
            split(); // page 2 starts at "n", outside [a,m): TABLET_MOVED
          }
        };

    List<Row> rows = join(router.scan(KS, utf8("a"), ByteString.EMPTY, 0, ReadConsistency.LEADER));

    assertEquals(List.of("b", "c", "d", "n", "o", "p"), keys(rows));
    assertTrue(node.log.contains("Moved:1"), node.log.toString());
  }

  @Test
  void aWriteSpanningTabletsAfterTheSplitFailsWithInvalidArgument() {
    join(router.tabletFor(KS, utf8("b")));
    split();

    CesiumException e = failure(router.write(KS, List.of(put("b", "1"), put("x", "2"))));

    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    assertTrue(e.getMessage().contains("transactions"), e.getMessage());
    assertFalse(node.store.containsKey(utf8("b")));
    assertFalse(node.store.containsKey(utf8("x")));
  }

  @Test
  void aTabletGoneFromItsNodeIsFoundThroughThePlacementDriver()
      throws IOException, InterruptedException {
    join(router.tabletFor(KS, utf8("x")));
    try (RangeTabletNode other = new RangeTabletNode("n2")) {
      TabletDescriptor moved = other.tablet(1, KS, "a", "", 2);
      other.host(moved);
      node.hosted.clear();
      pd.tablets = List.of(moved);

      join(router.write(KS, List.of(put("x", "moved"))));

      assertEquals(List.of("NotFound:1"), node.log);
      assertEquals(List.of("Write:1"), other.log);
    }
  }

  static Mutation put(String key, String value) {
    return Mutation.newBuilder().setKey(utf8(key)).setPut(utf8(value)).build();
  }

  static ByteString utf8(String s) {
    return ByteString.copyFromUtf8(s);
  }

  static List<String> keys(List<Row> rows) {
    return rows.stream().map(r -> r.getKey().toStringUtf8()).toList();
  }

  static <T> T join(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException re ? re : e;
    }
  }

  static CesiumException failure(CompletableFuture<?> f) {
    try {
      f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof CesiumException ce) {
        return ce;
      }
      throw e;
    }
    throw new AssertionError("expected a failure");
  }
}
