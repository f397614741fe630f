package io.cesiumdb.truetime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PeerSamplesTest {

  private static PeerOffset sample(long offset, long uncertainty, long at) {
    return new PeerOffset("p", offset, uncertainty, at);
  }

  @Test
  void theLeastUncertainFreshSampleWins() {
    PeerSamples s = new PeerSamples(8);
    s.add(sample(100, 50, 1));
    s.add(sample(120, 10, 2));
    s.add(sample(90, 40, 3));
    assertEquals(120, s.bestFresh(0).orElseThrow().offsetMicros());
    assertEquals(90, s.bestFresh(3).orElseThrow().offsetMicros(), "older ones are stale");
    assertTrue(s.bestFresh(4).isEmpty());
  }

  @Test
  void aStepChangeDiscardsTheSamplesItContradicts() {
    PeerSamples s = new PeerSamples(8);
    s.add(sample(0, 100, 1)); // precise, before the step
    s.add(sample(40_000, 3_000, 2)); // noisier, after a 40 ms step: disjoint from the first
    assertEquals(
        40_000,
        s.bestFresh(0).orElseThrow().offsetMicros(),
        "the pre-step sample must not outvote the present");
  }

  @Test
  void aNoisySampleThatAgreesKeepsThePreciseOne() {
    PeerSamples s = new PeerSamples(8);
    s.add(sample(0, 100, 1));
    s.add(sample(2_000, 3_000, 2)); // overlaps [−100, 100]: no evidence of a step
    assertEquals(0, s.bestFresh(0).orElseThrow().offsetMicros());
  }

  @Test
  void contradictionIsDisjointIntervals() {
    assertTrue(PeerSamples.contradicts(sample(0, 10, 1), sample(21, 10, 2)));
    assertFalse(PeerSamples.contradicts(sample(0, 10, 1), sample(20, 10, 2)));
    assertFalse(PeerSamples.contradicts(sample(0, 10, 1), sample(-20, 10, 2)));
  }

  @Test
  void capacityDropsTheOldest() {
    PeerSamples s = new PeerSamples(2);
    s.add(sample(0, 1, 1));
    s.add(sample(0, 5, 2));
    s.add(sample(0, 5, 3));
    assertEquals(5, s.bestFresh(0).orElseThrow().uncertaintyMicros(), "the precise one aged out");
  }
}
