package io.cesiumdb.tablet.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.tablet.replication.TimestampOracle.ReadPoint;
import io.cesiumdb.truetime.EpsilonModel;
import io.cesiumdb.truetime.ManualTimeSource;
import io.cesiumdb.truetime.SimulatedClock;
import io.cesiumdb.truetime.TrueTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The assignment rule {@code ts = max(lastAssigned + 1, readFloor + 1, appliedMax + 1, leaseFloor +
 * 1, latest or a given clock bound, minTs)}, and the timestamp lease that carries it across leader
 * changes.
 */
class TimestampOracleTest {
  private static final long EPS = 1_000;
  private final ManualTimeSource time = new ManualTimeSource(1_000_000);
  private final TimestampOracle oracle =
      new TimestampOracle(TrueTime.of(new SimulatedClock("n1", time, EpsilonModel.fixed(EPS))));
  private final List<Long> leases = new ArrayList<>();
  private long term = 1;
  private long appliedLease;

  @Test
  void timestampsAreNowLatestAndStrictlyIncreasingWhenTheClockStands() {
    assertEquals(1_000_000 + EPS, next(0));
    assertEquals(1_000_000 + EPS + 1, next(0), "clock did not move");
    time.advance(50);
    assertEquals(1_000_000 + EPS + 50, next(0));
  }

  @Test
  void aGivenClockBoundReplacesThisLeadersReadingButNotItsFloors() {
    long latest = 1_000_000 + EPS;
    long locked = latest - 700; // read earlier, on the transaction coordinator's clock
    assertEquals(locked, assign(0, 0, locked), "not this leader's TT.now().latest");
    assertEquals(locked + 1, assign(0, 0, locked), "still above everything assigned");
    assertEquals(locked + 500, assign(0, locked + 500, locked), "and >= the minimum");
    assertEquals(latest, assign(0, 0, 0), "0: this leader reads its own clock");
    assertEquals(latest + 1, assign(0, 0, locked), "an older bound never goes back");
  }

  @Test
  void aNewLeaderStartsAboveEverythingApplied() {
    long applied = 5_000_000;
    assertEquals(applied + 1, next(applied));
  }

  @Test
  void leaderReadsPushLaterWritesAboveTheirTimestamp() {
    long first = next(0);
    long future = first + 2_000_000;
    ReadPoint p = oracle.beginLeaderRead(leader(), future);
    assertEquals(first, p.waitTarget(), "wait only for writes assigned before the read");
    assertEquals(future, p.readTs(0));
    assertEquals(future + 1, next(0));
  }

  @Test
  void readNowWaitsForEveryAssignedWrite() {
    long ts = next(0);
    ReadPoint p = oracle.beginLeaderRead(leader(), 0);
    assertEquals(ts, p.waitTarget());
    assertEquals(ts, p.readTs(ts - 5));
    assertEquals(ts + 7, p.readTs(ts + 7), "a later applied write is covered too");
  }

  @Test
  void aRefusedAppendIsNotWaitedFor() {
    long appended = next(0);
    long refused = oracle.<Long>assign(leader(), 0, ts -> ts, ts -> false);
    assertEquals(appended, oracle.beginLeaderRead(leader(), 0).waitTarget());
    assertEquals(refused + 1, next(0), "its timestamp is still used up");
  }

  @Test
  void readsTooFarInTheFutureAreRejected() {
    long tooFar = 1_000_000 + EPS + TimestampOracle.MAX_FUTURE_READ_MICROS + 1;
    CesiumException e =
        assertThrows(CesiumException.class, () -> oracle.beginLeaderRead(leader(), tooFar));
    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
  }

  @Test
  void theAppendRunsUnderTheLock() {
    oracle.assign(leader(), 0, ts -> assertHeld(), ok -> ok);
  }

  @Test
  void aLeaseIsAppendedBeforeTheFirstTimestampOfATermAndThenOncePerWindow() {
    long first = next(0);
    assertEquals(List.of(first + TimestampOracle.WINDOW_MICROS), leases);
    time.advance(TimestampOracle.WINDOW_MICROS / 2);
    next(0);
    assertEquals(1, leases.size(), "still covered");
    time.advance(TimestampOracle.WINDOW_MICROS);
    long later = next(0);
    assertEquals(later + TimestampOracle.WINDOW_MICROS, leases.get(1));
  }

  @Test
  void aNewTermStartsAboveEveryLeaseAppliedBefore() {
    long read = oracle.beginLeaderRead(leader(), next(0) + 3_000_000).requestedTs();
    appliedLease = leases.get(leases.size() - 1);
    TimestampOracle successor =
        new TimestampOracle(TrueTime.of(new SimulatedClock("n2", time, EpsilonModel.fixed(EPS))));
    term = 2;
    long ts = successor.<Long>assign(leader(), 0, t -> t, t -> true);
    assertTrue(
        ts > read, "the new leader's first timestamp " + ts + " is above the read at " + read);
    assertEquals(appliedLease + 1, ts);
  }

  @Test
  void aReadBeyondTheLeaseAppendsOneAndWaitsForIt() {
    long ts = next(0);
    long future = ts + 5_000_000;
    ReadPoint p = oracle.beginLeaderRead(leader(), future);
    assertEquals(future, p.leaseTarget());
    assertEquals(future + TimestampOracle.WINDOW_MICROS, leases.get(leases.size() - 1));
    assertEquals(0, oracle.beginLeaderRead(leader(), 0).leaseTarget(), "reads at now need none");
  }

  private TimestampOracle.Leadership leader() {
    return new TimestampOracle.Leadership(term, appliedLease, leases::add);
  }

  private long assign(long appliedMaxTs, long minTs, long lockedTs) {
    return oracle.<Long>assign(leader(), appliedMaxTs, minTs, lockedTs, ts -> ts, ts -> true);
  }

  private long next(long appliedMaxTs) {
    return oracle.<Long>assign(leader(), appliedMaxTs, ts -> ts, ts -> true);
  }

  private boolean assertHeld() {
    if (!Thread.holdsLock(oracle)) {
      throw new AssertionError("append must run while the oracle lock is held");
    }
    return true;
  }
}
