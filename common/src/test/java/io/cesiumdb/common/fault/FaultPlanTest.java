package io.cesiumdb.common.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FaultPlanTest {

  @Test
  void dropIsDirectional() {
    FaultPlan plan = new FaultPlan().drop("n1", "n2");
    assertTrue(plan.shouldDrop("n1", "n2"));
    assertFalse(plan.shouldDrop("n2", "n1"));
    assertFalse(plan.shouldDrop("n1", "n3"));
    assertEquals(1, plan.droppedCount());
  }

  @Test
  void partitionCutsBothWaysAcrossTheSides() {
    FaultPlan plan = new FaultPlan().partition(Set.of("n1"), Set.of("n2", "n3"));
    assertTrue(plan.shouldDrop("n1", "n2") && plan.shouldDrop("n3", "n1"));
    assertFalse(plan.shouldDrop("n2", "n3"), "the majority side still talks");
  }

  @Test
  void isolateCutsOneNodeFromAllOthers() {
    FaultPlan plan = new FaultPlan().isolate("n2", List.of("n1", "n2", "n3"));
    assertTrue(plan.shouldDrop("n2", "n1") && plan.shouldDrop("n3", "n2"));
    assertFalse(plan.shouldDrop("n1", "n3"));
    assertFalse(plan.shouldDrop("n2", "n2"));
  }

  @Test
  void delaysAndHeal() {
    FaultPlan plan = new FaultPlan().delay("n1", "n2", 30).drop("n3", "n1");
    assertEquals(30, plan.delayMillis("n1", "n2"));
    assertEquals(0, plan.delayMillis("n2", "n1"));
    assertFalse(plan.isHealthy());
    plan.heal();
    assertTrue(plan.isHealthy());
    assertFalse(plan.shouldDrop("n3", "n1"));
    assertEquals(0, plan.delayMillis("n1", "n2"));
    assertThrows(IllegalArgumentException.class, () -> plan.delay("a", "b", -1));
  }

  @Test
  void clientsThatAreNotNodesAreNeverAffected() {
    FaultPlan plan = new FaultPlan().partition(Set.of("n1"), Set.of("n2"));
    assertFalse(plan.shouldDrop(null, "n1"));
    assertEquals(0, plan.delayMillis(null, "n1"));
  }
}
