package io.cesiumdb.pd.meta;

import static io.cesiumdb.pd.meta.MetaCommands.assertCovers;
import static io.cesiumdb.pd.meta.MetaCommands.createUser;
import static io.cesiumdb.pd.meta.MetaCommands.credential;
import static io.cesiumdb.pd.meta.MetaCommands.drop;
import static io.cesiumdb.pd.meta.MetaCommands.dropSchema;
import static io.cesiumdb.pd.meta.MetaCommands.dropUser;
import static io.cesiumdb.pd.meta.MetaCommands.heartbeat;
import static io.cesiumdb.pd.meta.MetaCommands.register;
import static io.cesiumdb.pd.meta.MetaCommands.report;
import static io.cesiumdb.pd.meta.MetaCommands.schema;
import static io.cesiumdb.pd.meta.MetaCommands.schemaIfNotExists;
import static io.cesiumdb.pd.meta.MetaCommands.split;
import static io.cesiumdb.pd.meta.MetaCommands.table;
import static io.cesiumdb.pd.meta.MetaCommands.tableDef;
import static io.cesiumdb.pd.meta.MetaCommands.updateLeader;
import static io.cesiumdb.pd.meta.MetaCommands.updateReplicas;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.placement.MetaCommand;
import io.cesiumdb.proto.placement.TableDef;
import io.cesiumdb.proto.placement.TabletEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Random command sequences (seeded, the seed is printed): snapshots round-trip exactly, two states
 * fed the same commands stay byte-equal, and the directory keeps covering every table.
 */
class MetaSnapshotTest {
  private static final int STEPS = 600;

  @Test
  void randomSequencesRoundTripAndAreDeterministic() {
    long seed = System.nanoTime();
    System.out.println("MetaSnapshotTest seed=" + seed);
    for (int run = 0; run < 5; run++) {
      runOnce(seed + run);
    }
  }

  private static void runOnce(long seed) {
    Random rnd = new Random(seed);
    MetaState a = new MetaState();
    MetaState b = new MetaState();
    List<MetaCommand> log = new ArrayList<>();
    int failures = 0;
    int splits = 0;
    int creates = 0;
    int users = 0;
    for (int step = 0; step < STEPS; step++) {
      MetaCommand cmd = randomCommand(a, rnd, step);
      log.add(cmd);
      MetaResult ra = a.apply(cmd);
      MetaResult rb = b.apply(cmd);
      assertEquals(ra, rb, "seed " + seed + " step " + step);
      failures += ra.isOk() ? 0 : 1;
      splits += ra.isOk() && cmd.hasSplitTablet() ? 1 : 0;
      creates += ra.isOk() && cmd.hasCreateTable() ? 1 : 0;
      users += ra.isOk() && cmd.hasCreateUser() && ra.value(UserChange.class).changed() ? 1 : 0;
      if (step % 50 == 0) {
        byte[] bytes = a.toSnapshot();
        MetaState restored = MetaState.fromSnapshot(bytes);
        assertArrayEquals(bytes, restored.toSnapshot(), "seed " + seed + " step " + step);
        assertEquals(a.snapshot(), restored.snapshot());
        b = restored; // the replica continues from the snapshot
      }
    }
    assertArrayEquals(a.toSnapshot(), b.toSnapshot(), "seed " + seed);
    MetaState replay = new MetaState();
    log.forEach(replay::apply);
    assertArrayEquals(a.toSnapshot(), replay.toSnapshot(), "seed " + seed);
    for (TableDef t : a.snapshot().getTablesList()) {
      assertCovers(a.tablets(t.getTableId()));
    }
    assertTrue(splits > 0 && creates > 0, "seed " + seed + ": " + creates + " / " + splits);
    assertTrue(users > 0, "seed " + seed + ": no user created");
    assertTrue(failures > 0 && failures < STEPS, "seed " + seed + ": " + failures + " failures");
  }

  private static MetaCommand randomCommand(MetaState s, Random rnd, int step) {
    long now = step * 1_000_000L;
    List<TabletEntry> tablets = s.snapshot().getTabletsList();
    TabletEntry tablet = tablets.isEmpty() ? null : tablets.get(rnd.nextInt(tablets.size()));
    int pick = rnd.nextInt(10);
    if (tablet == null && pick >= 4) {
      pick = 2; // nothing to split or move yet: create a table
    }
    if (s.nodes().size() < 3 || pick == 0) {
      return register("n" + (1 + rnd.nextInt(6)), now);
    }
    if (pick == 1) {
      return catalogCommand(rnd);
    }
    if (pick < 4) {
      TreeSet<ByteString> points = new TreeSet<>(Keys.ORDER);
      for (int i = rnd.nextInt(4); i > 0; i--) {
        points.add(randomKey(rnd));
      }
      List<ByteString> splits = new ArrayList<>(points);
      List<List<String>> placements = new ArrayList<>();
      for (int i = 0; i <= splits.size(); i++) {
        placements.add(randomReplicas(rnd));
      }
      return table(tableDef("s" + rnd.nextInt(3), "t" + rnd.nextInt(4)), splits, placements);
    }
    long epoch = tablet.getEpoch() - (rnd.nextInt(5) == 0 ? 1 : 0);
    return switch (pick) {
      case 4, 5 -> split(tablet.getTabletId(), epoch, randomKey(rnd));
      case 6 ->
          updateReplicas(tablet.getTabletId(), epoch, randomReplicas(rnd).toArray(new String[0]));
      case 7 ->
          updateLeader(
              tablet.getTabletId(), tablet.getReplicas(rnd.nextInt(tablet.getReplicasCount())));
      default ->
          heartbeat(
              "n" + (1 + rnd.nextInt(6)),
              now,
              report(tablet.getTabletId(), rnd.nextBoolean(), rnd.nextInt(1 << 20)));
    };
  }

  /** Schema and user DDL (users and schemas must round-trip and replay like the rest). */
  private static MetaCommand catalogCommand(Random rnd) {
    String schema = "s" + rnd.nextInt(3);
    String user = "u" + rnd.nextInt(3);
    return switch (rnd.nextInt(7)) {
      case 0 -> schema(schema);
      case 1 -> schemaIfNotExists(schema);
      case 2 -> dropSchema(schema, rnd.nextBoolean());
      case 3 -> createUser(credential(user), rnd.nextBoolean(), rnd.nextInt(4) == 0);
      case 4 -> dropUser(user, rnd.nextBoolean());
      default -> drop(schema, "t" + rnd.nextInt(4));
    };
  }

  private static ByteString randomKey(Random rnd) {
    byte[] k = new byte[1 + rnd.nextInt(3)];
    for (int i = 0; i < k.length; i++) {
      k[i] = (byte) new int[] {0x00, 0x10, 0x41, 0x7f, 0x80, 0xff}[rnd.nextInt(6)];
    }
    return ByteString.copyFrom(k);
  }

  /** Three distinct nodes of n1..n6 (some may be unregistered: the command then fails). */
  private static List<String> randomReplicas(Random rnd) {
    List<String> all = new ArrayList<>(List.of("n1", "n2", "n3", "n4", "n5", "n6"));
    Collections.shuffle(all, rnd);
    return all.subList(0, 3);
  }

  @Test
  void garbageSnapshotIsStorageCorruption() {
    CesiumException e =
        assertThrows(
            CesiumException.class, () -> MetaState.fromSnapshot(new byte[] {(byte) 0xff, 1}));
    assertEquals(ErrorCode.STORAGE_CORRUPTION, e.code());
  }
}
