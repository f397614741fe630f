package io.cesiumdb.pd.controller;

import static io.cesiumdb.pd.controller.Commands.heartbeat;
import static io.cesiumdb.pd.controller.Commands.leader;
import static io.cesiumdb.pd.controller.Commands.nodes;
import static io.cesiumdb.pd.controller.Commands.table;
import static io.cesiumdb.pd.controller.Commands.tablet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.common.error.RetryHint;
import io.cesiumdb.pd.cluster.LivenessPolicy;
import io.cesiumdb.pd.tabletclient.FakeTabletAdmin;
import io.cesiumdb.proto.placement.MetaCommand;
import io.cesiumdb.proto.placement.MetaCommand.CommandCase;
import io.cesiumdb.proto.placement.SplitTablet;
import io.cesiumdb.proto.placement.TabletEntry;
import io.cesiumdb.proto.placement.TabletReport;
import io.cesiumdb.proto.placement.UpdateReplicas;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The split flow against a fake tablet side. Tablet 1 = ["", "") on n1*, n2, n3 at epoch 1. */
class SplitFlowTest {
  private final InMemoryMetaLog log = new InMemoryMetaLog();
  private final FakeTabletAdmin tablets = new FakeTabletAdmin();
  private SplitFlow flow;

  @BeforeEach
  void setUp() {
    nodes(log, "n1", "n2", "n3", "n4");
    table(log, "t", List.of(List.of("n1", "n2", "n3")));
    leader(log, 1, "n1");
    LeaderContext ctx =
        new LeaderContext(log, tablets, LivenessPolicy.DEFAULT, ControllerConfig.DEFAULT);
    flow = new SplitFlow(ctx, Runnable::run);
  }

  private static ByteString key(String s) {
    return ByteString.copyFromUtf8(s);
  }

  @Test
  void allocatesSplitsAtTheTabletThenCommits() {
    SplitFlow.Halves halves = flow.split(1, 1, key("m")).join();

    assertEquals(List.of("Split t1 at m right t2"), tablets.calls());
    SplitTablet committed = log.committed(CommandCase.SPLIT_TABLET).get(0).getSplitTablet();
    assertEquals(2, committed.getNewTabletId());
    assertEquals(key("m"), committed.getSplitKey());
    assertEquals(1, log.committed(CommandCase.ALLOCATE_TABLET_IDS).size());
    List<TabletEntry> all = log.read(s -> s.tablets(1));
    assertEquals(List.of(1L, 2L), all.stream().map(TabletEntry::getTabletId).toList());
    assertEquals(key("m"), halves.left().getEndKey());
    assertEquals(2, halves.right().getTabletId());
    assertEquals(2, halves.right().getEpoch());
  }

  @Test
  void anEmptyKeyCommitsTheKeyTheTabletChose() {
    SplitFlow.Halves halves = flow.split(1, 0, ByteString.EMPTY).join();

    ByteString chosen = ByteString.copyFrom(new byte[] {0}); // the fake's "middle"
    assertEquals(chosen, halves.right().getStartKey());
    assertEquals(chosen, tablet(log, 1).getEndKey());
  }

  @Test
  void aStaleEpochIsRefusedBeforeAnythingHappens() {
    CesiumException e = failure(5, key("m"));

    assertEquals(ErrorCode.TABLET_MOVED, e.code());
    assertEquals(1, ((RetryHint.TabletMoved) e.hint().orElseThrow()).currentEpoch());
    assertEquals(List.of(), tablets.calls());
    assertEquals(List.of(), log.committed(CommandCase.ALLOCATE_TABLET_IDS));
  }

  @Test
  void aSplitAlreadyAdoptedFromAHeartbeatIsNotCommittedTwice() {
    tablets.beforeSplitAnswer(
        () ->
            heartbeat(
                log,
                "n1",
                TabletReport.newBuilder()
                    .setTabletId(2)
                    .setIsLeader(true)
                    .setTablet(
                        log.read(s -> s.descriptor(s.tablet(1).orElseThrow())).toBuilder()
                            .setTabletId(2)
                            .setStartKey(key("m")))
                    .build()));

    SplitFlow.Halves halves = flow.split(1, 1, key("m")).join();

    assertEquals(2, halves.right().getTabletId());
    assertEquals(List.of(), log.committed(CommandCase.SPLIT_TABLET));
    assertEquals(2, log.read(s -> s.tablets(1)).size());
  }

  @Test
  void aReplicaChangeDuringTheSplitIsCommittedOver() {
    tablets.beforeSplitAnswer(
        () ->
            log.apply(
                MetaCommand.newBuilder()
                    .setUpdateReplicas(
                        UpdateReplicas.newBuilder()
                            .setTabletId(1)
                            .setExpectedEpoch(1)
                            .addAllReplicas(List.of("n1", "n2", "n4")))
                    .build(),
                TabletEntry.class));

    flow.split(1, 1, key("m")).join();

    assertEquals(3, tablet(log, 1).getEpoch());
    assertEquals(List.of("n1", "n2", "n4"), tablet(log, 2).getReplicasList());
  }

  @Test
  void aKeyOutsideTheTabletIsInvalid() {
    flow.split(1, 1, key("m")).join();

    assertEquals(ErrorCode.INVALID_ARGUMENT, failure(0, key("x")).code());
  }

  private CesiumException failure(long epoch, ByteString at) {
    CompletionException e =
        assertThrows(CompletionException.class, () -> flow.split(1, epoch, at).join());
    return CesiumException.from(e.getCause());
  }
}
