package io.cesiumdb.truetime;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The last few offset samples from one peer, and the choice of the one to believe.
 *
 * <p>Like NTP's clock filter, the sample with the smallest uncertainty (the shortest round trip)
 * among the fresh ones wins; on a tie the newest wins. NB: a precise old sample can therefore
 * outvote a newer, noisier one until it goes stale, so a verdict can lag a clock change by up to
 * the staleness window. Thread-safe.
 */
final class PeerSamples {

  private final int capacity;
  private final Deque<PeerOffset> samples = new ArrayDeque<>();

  PeerSamples(int capacity) {
    this.capacity = capacity;
  }

  /** Records a sample, dropping the oldest beyond capacity. */
  synchronized void add(PeerOffset sample) {
    samples.addLast(sample);
    while (samples.size() > capacity) {
      samples.removeFirst();
    }
  }

  /** Returns the least uncertain sample taken at or after {@code freshSinceMicros}, if any. */
  synchronized Optional<PeerOffset> bestFresh(long freshSinceMicros) {
    PeerOffset best = null;
    for (PeerOffset sample : samples) {
      boolean fresh = sample.sampledAtMicros() >= freshSinceMicros;
      if (fresh && (best == null || sample.uncertaintyMicros() <= best.uncertaintyMicros())) {
        best = sample;
      }
    }
    return Optional.ofNullable(best);
  }
}
