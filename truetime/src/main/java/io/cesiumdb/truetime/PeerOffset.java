package io.cesiumdb.truetime;

import java.util.Locale;

/**
 * One estimate of this node's clock offset relative to a peer (self − peer), NTP style.
 *
 * <p>From one round trip: {@code t0} = local reading before sending, {@code p} = midpoint of the
 * peer's interval, {@code t2} = local reading on reply. The peer read its clock somewhere between
 * t0 and t2 (in local time), so {@code offset = (t0 + t2)/2 − p}, wrong by at most {@code
 * uncertainty = (t2 − t0)/2}.
 *
 * @param peerId the peer's node id
 * @param offsetMicros estimated self − peer offset in microseconds
 * @param uncertaintyMicros half the round trip in local microseconds; the true offset is within
 *     {@code offsetMicros ± uncertaintyMicros}
 * @param sampledAtMicros when the reply arrived, on the local {@link ClockSource#timeSource()} (not
 *     the skewable local clock), which is what freshness is measured on
 */
public record PeerOffset(
    String peerId, long offsetMicros, long uncertaintyMicros, long sampledAtMicros) {

  /** Validates the peer id and a non-negative uncertainty. */
  public PeerOffset {
    if (peerId == null) {
      throw new IllegalArgumentException("peerId is required");
    }
    if (uncertaintyMicros < 0) {
      throw new IllegalArgumentException("negative uncertainty " + uncertaintyMicros);
    }
  }

  /**
   * Estimates the offset from one round trip.
   *
   * @throws IllegalArgumentException if {@code t2Micros < t0Micros} (the local clock went back)
   */
  public static PeerOffset estimate(
      String peerId, long t0Micros, TTInterval peer, long t2Micros, long sampledAtMicros) {
    if (t2Micros < t0Micros) {
      throw new IllegalArgumentException(
          "local clock went back during the round trip: " + t0Micros + " -> " + t2Micros);
    }
    long localMid = t0Micros + (t2Micros - t0Micros) / 2;
    long uncertainty = (t2Micros - t0Micros) / 2;
    return new PeerOffset(peerId, localMid - peer.midpoint(), uncertainty, sampledAtMicros);
  }

  /** Returns true if the offset is certainly beyond the bound: {@code |offset| − unc > bound}. */
  public boolean certainlyBeyond(long maxOffsetMicros) {
    return Math.abs(offsetMicros) - uncertaintyMicros > maxOffsetMicros;
  }

  /** Returns e.g. {@code "n2 +25.310 ms ±0.120 ms"}. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "%s %+.3f ms ±%.3f ms",
        peerId,
        offsetMicros / 1_000.0,
        uncertaintyMicros / 1_000.0);
  }
}
