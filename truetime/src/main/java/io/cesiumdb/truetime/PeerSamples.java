package io.cesiumdb.truetime;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The last few offset samples from one peer, and the choice of the one to believe.
 *
 * <p>Like NTP's clock filter, the sample with the smallest uncertainty (the shortest round trip)
 * among the fresh ones wins; on a tie the newest wins. A precise old sample may outvote a newer,
 * noisier one while the two agree. But the true offset cannot lie in two disjoint intervals at
 * once: when a new sample's interval {@code offset ± uncertainty} is disjoint from an older one's,
 * the clock stepped (a jump, a strobe, an injected skew) and the older sample is discarded, so a
 * verdict follows a step within one round instead of lagging by the staleness window. Thread-safe.
 */
final class PeerSamples {

  private final int capacity;
  private final Deque<PeerOffset> samples = new ArrayDeque<>();

  PeerSamples(int capacity) {
    this.capacity = capacity;
  }

  /** Records a sample, dropping samples it contradicts and the oldest beyond capacity. */
  synchronized void add(PeerOffset sample) {
    samples.removeIf(old -> contradicts(old, sample));
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

  /** True when the two samples' offset intervals are disjoint: the offset changed in between. */
  static boolean contradicts(PeerOffset older, PeerOffset newer) {
    long gap = Math.abs(older.offsetMicros() - newer.offsetMicros());
    return gap > older.uncertaintyMicros() + newer.uncertaintyMicros();
  }
}
