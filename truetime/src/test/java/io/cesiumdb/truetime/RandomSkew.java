package io.cesiumdb.truetime;

import java.util.SplittableRandom;

/**
 * Random disturbances of a {@link SimulatedClock} for the seeded tests. In honest mode every
 * disturbance keeps {@code |offset| <= ε}: base and strobe offsets stay within the model's ε right
 * after a sync, and drift stays within the rate at which a sawtooth ε grows (zero for a fixed ε).
 * In wild mode anything goes: large backward jumps, steep drift, strobes of ±1 s.
 */
final class RandomSkew {

  private static final long START = 1_700_000_000_000_000L;

  final long seed;
  final SplittableRandom random;
  final ManualTimeSource reference = new ManualTimeSource(START);
  final EpsilonModel model;
  final SimulatedClock clock;
  private final long offsetLimit;
  private final long driftLimitPpm;
  private final boolean honest;
  private long base;

  RandomSkew(long seed, boolean honest) {
    this.seed = seed;
    this.random = new SplittableRandom(seed);
    this.honest = honest;
    this.model = randomModel();
    this.clock = new SimulatedClock("n-" + seed, reference, model);
    this.offsetLimit = honest ? model.epsilonMicros(0) : 1_000_000;
    this.driftLimitPpm = honest ? driftRateOf(model) : 100_000;
  }

  /** Returns the largest ε the model reaches while syncs happen on schedule. */
  long maxEpsilonMicros() {
    long poll = model.pollIntervalMicros();
    return model.epsilonMicros(poll == Long.MAX_VALUE ? 0 : poll);
  }

  /** Applies one random disturbance (or none) and lets a random amount of reference time pass. */
  String step() {
    String action = disturb();
    long dt = random.nextInt(10) == 0 ? random.nextLong(60_000_000) : random.nextLong(5_000);
    reference.advance(dt);
    return action + ", +" + dt + " µs";
  }

  private String disturb() {
    switch (random.nextInt(8)) {
      case 0:
        base = randomOffset();
        clock.setOffsetMicros(base);
        return "offset " + base;
      case 1:
        long target = honest ? randomOffset() : base - random.nextLong(1, 2_000_000);
        clock.jumpMicros(target - base);
        base = target;
        return "jump to " + target;
      case 2:
        long ppm = random.nextBoolean() ? driftLimitPpm : -driftLimitPpm;
        ppm = random.nextBoolean() ? ppm : random.nextLong(-driftLimitPpm, driftLimitPpm + 1);
        clock.setDriftPpm(ppm);
        return "drift " + ppm + " ppm";
      case 3:
        long a = randomOffset();
        long b = randomOffset();
        long period = random.nextLong(1, 20_000);
        clock.startStrobe(a, b, period);
        return "strobe " + a + "/" + b + " every " + period;
      case 4:
        clock.stopStrobe();
        return "stop strobe";
      default:
        return "no change";
    }
  }

  /** Picks the edges ±limit a quarter of the time: an off-by-one in ε shows up there. */
  private long randomOffset() {
    if (random.nextInt(4) == 0) {
      return random.nextBoolean() ? offsetLimit : -offsetLimit;
    }
    return random.nextLong(-offsetLimit, offsetLimit + 1);
  }

  private EpsilonModel randomModel() {
    switch (random.nextInt(3)) {
      case 0:
        return EpsilonModel.fixed(random.nextLong(1, 5_000));
      case 1:
        return EpsilonModel.spannerDefault();
      default:
        return EpsilonModel.sawtooth(
            random.nextLong(1, 2_000), random.nextLong(0, 500), random.nextLong(1, 30_000_000));
    }
  }

  private static long driftRateOf(EpsilonModel model) {
    return model instanceof SawtoothEpsilon saw ? saw.driftMicrosPerSecond() : 0;
  }

  @Override
  public String toString() {
    return "seed " + seed + " (" + model + ")";
  }
}
