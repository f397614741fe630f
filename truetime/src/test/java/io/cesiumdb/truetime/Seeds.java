package io.cesiumdb.truetime;

import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Seeds for the randomized tests: a fixed list that runs every time, plus one fresh random seed. A
 * failing seed appears in the test's display name and in every assertion message; add it to {@link
 * #FIXED} to reproduce.
 */
final class Seeds {

  private static final long[] FIXED = {1L, 42L, 7_777L, 20_240_501L, -3_141_592_653L, 0xC0FFEEL};

  private Seeds() {}

  /** Returns the fixed seeds followed by one random seed. */
  static Stream<Long> seeds() {
    long random = ThreadLocalRandom.current().nextLong();
    return LongStream.concat(LongStream.of(FIXED), LongStream.of(random)).boxed();
  }
}
