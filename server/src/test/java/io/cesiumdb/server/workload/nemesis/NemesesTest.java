package io.cesiumdb.server.workload.nemesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Parsing {@code --nemesis}: no node is contacted until a nemesis acts. */
class NemesesTest {
  private static final NemesisTarget NO_PROCESSES =
      new NemesisTarget(List.of("127.0.0.1:1"), Optional.empty(), 42);

  @Test
  void noneAndEmptyMeanAFaultFreeRun() {
    assertTrue(Nemeses.parse("none", NO_PROCESSES).isEmpty());
    assertTrue(Nemeses.parse("", NO_PROCESSES).isEmpty());
  }

  @Test
  void everyKnownNameBuildsItsNemesisInOrder() {
    NodeControl control =
        new NodeControl() {
          @Override
          public void kill(String nodeId) {}

          @Override
          public void start(String nodeId) {}
        };
    NemesisTarget target = new NemesisTarget(List.of("127.0.0.1:1"), Optional.of(control), 1);
    List<Nemesis> all =
        Nemeses.parse("skew, strobe,bigskew,partition,leader-transfer,kill,none", target);
    assertEquals(
        List.of("skew", "strobe", "bigskew", "partition", "leader-transfer", "kill"),
        all.stream().map(Nemesis::name).toList());
  }

  @Test
  void anUnknownNameIsRefusedWithTheKnownOnes() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Nemeses.parse("skew,chaos", NO_PROCESSES));
    assertTrue(e.getMessage().contains("'chaos'"), e.getMessage());
    assertTrue(e.getMessage().contains("leader-transfer"), e.getMessage());
  }

  @Test
  void killIsRefusedWithoutProcessControl() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Nemeses.parse("kill", NO_PROCESSES));
    assertTrue(e.getMessage().contains("process control"), e.getMessage());
  }

  @Test
  void killHealsNothingBeforeItInjected() throws Exception {
    NemesisTarget target =
        new NemesisTarget(
            List.of("127.0.0.1:1"),
            Optional.of(
                new NodeControl() {
                  @Override
                  public void kill(String nodeId) {
                    throw new AssertionError("no kill expected");
                  }

                  @Override
                  public void start(String nodeId) {
                    throw new AssertionError("no start expected");
                  }
                }),
            1);
    assertEquals("kill: nothing to heal", Nemeses.parse("kill", target).get(0).heal());
  }
}
