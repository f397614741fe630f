package io.cesiumdb.truetime;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A cluster of {@link SimulatedClock}s on one {@link ManualTimeSource}, with fake {@link
 * ClockPeer}s that answer at once (advancing the shared time by their round-trip time), fail, or
 * never answer.
 */
final class FakeCluster {

  static final long START = 1_700_000_000_000_000L;

  final ManualTimeSource reference = new ManualTimeSource(START);
  private final Map<String, SimulatedClock> clocks = new LinkedHashMap<>();
  private final Map<String, FakePeer> peers = new LinkedHashMap<>();

  FakeCluster(String... nodeIds) {
    for (String id : nodeIds) {
      SimulatedClock clock = new SimulatedClock(id, reference, EpsilonModel.fixed(1_000));
      clocks.put(id, clock);
      peers.put(id, new FakePeer(id, TrueTime.of(clock), reference));
    }
  }

  SimulatedClock clock(String id) {
    return clocks.get(id);
  }

  FakePeer peer(String id) {
    return peers.get(id);
  }

  /** Returns every node except {@code selfId}, as its peers. */
  List<ClockPeer> peersOf(String selfId) {
    List<ClockPeer> others = new ArrayList<>(peers.values());
    others.removeIf(peer -> peer.nodeId().equals(selfId));
    return others;
  }

  ClockOffsetMonitor monitor(String selfId) {
    return monitor(selfId, ClockOffsetMonitor.Config.defaults());
  }

  ClockOffsetMonitor monitor(String selfId, ClockOffsetMonitor.Config config) {
    return new ClockOffsetMonitor(selfId, clocks.get(selfId), () -> peersOf(selfId), config);
  }

  /** A peer answering with its TrueTime, read halfway through a simulated round trip. */
  static final class FakePeer implements ClockPeer {
    enum Mode {
      ANSWER,
      FAIL,
      THROW,
      HANG
    }

    private final String id;
    private final TrueTime trueTime;
    private final ManualTimeSource reference;
    volatile long rttMicros = 200;
    volatile Mode mode = Mode.ANSWER;
    volatile int samplesServed;

    FakePeer(String id, TrueTime trueTime, ManualTimeSource reference) {
      this.id = id;
      this.trueTime = trueTime;
      this.reference = reference;
    }

    @Override
    public String nodeId() {
      return id;
    }

    @Override
    public synchronized CompletableFuture<TTInterval> sampleClock() {
      switch (mode) {
        case FAIL:
          return CompletableFuture.failedFuture(new IOException(id + " unreachable"));
        case THROW:
          throw new IllegalStateException(id + " misbehaves");
        case HANG:
          return new CompletableFuture<>();
        default:
          return CompletableFuture.completedFuture(answer());
      }
    }

    private TTInterval answer() {
      long rtt = rttMicros;
      reference.advance(rtt / 2);
      TTInterval now = trueTime.now();
      reference.advance(rtt - rtt / 2);
      samplesServed++;
      return now;
    }
  }
}
