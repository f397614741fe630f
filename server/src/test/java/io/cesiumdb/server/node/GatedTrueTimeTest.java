package io.cesiumdb.server.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.truetime.TTInterval;
import io.cesiumdb.truetime.TrueTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GatedTrueTimeTest {
  /** A clock whose commit wait closes the gate, as a reading that reveals a clock step does. */
  private final List<Long> waited = new ArrayList<>();

  private Optional<String> refusal = Optional.empty();

  private final TrueTime clock =
      new TrueTime() {
        @Override
        public TTInterval now() {
          return new TTInterval(90, 110);
        }

        @Override
        public void commitWait(long ts) {
          waited.add(ts);
          refusal = Optional.of("clock stepped by 60 ms");
        }

        @Override
        public long epsilonMicros() {
          return 10;
        }
      };

  private final GatedTrueTime gated = new GatedTrueTime("n1", clock, () -> refusal);

  @Test
  void aCommitWaitDuringWhichTheGateClosedIsRefusedAfterWaiting() {
    CesiumException e = assertThrows(CesiumException.class, () -> gated.commitWait(100));

    assertEquals(ErrorCode.CLOCK_FENCED, e.code(), e.toString());
    assertEquals(List.of(100L), waited, "the wait ran first; the gate is checked after it");
  }

  @Test
  void aReadingIsRefusedWhileTheGateIsClosedAndServedOnceItOpens() {
    refusal = Optional.of("offsets beyond the bound");
    assertEquals(ErrorCode.CLOCK_FENCED, assertThrows(CesiumException.class, gated::now).code());

    refusal = Optional.empty();
    assertEquals(new TTInterval(90, 110), gated.now());
  }
}
