package io.cesiumdb.txn.rw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import org.junit.jupiter.api.Test;

class ParticipantsTest {
  private static final long KS = 9;
  private static final long TOKEN = 3L << 40 | 1;
  private final Participants participants = new Participants();

  @Test
  void readsUnderOneLockTokenPerTabletKeepTheirLocks() {
    participants.served(KS, tablet(1), key("a"), 42, TOKEN);
    participants.served(KS, tablet(1), key("b"), 43, TOKEN);
    participants.served(KS, tablet(2), key("x"), 44, TOKEN + 1);

    assertFalse(participants.locksLost());
    assertEquals(TOKEN, participants.readTermOf(1));
    assertEquals(44, participants.lastReadTs());
  }

  @Test
  void aSecondTokenAtOneTabletMeansTheFirstLocksWereLost() {
    participants.served(KS, tablet(1), key("a"), 42, TOKEN);
    participants.served(KS, tablet(1), key("b"), 43, TOKEN + 1);

    assertTrue(participants.locksLost());
  }

  /**
   * A read answered without a token proves no lock: the commit takes 0 for "read nothing there" and
   * would skip the check that the read's locks are still held.
   */
  @Test
  void aReadAnsweredWithoutALockTokenCountsAsLostLocks() {
    participants.served(KS, tablet(1), key("a"), 42, 0);

    assertTrue(participants.locksLost());
  }

  private static TabletDescriptor tablet(long id) {
    return TabletDescriptor.newBuilder().setTabletId(id).setKeyspace(KS).build();
  }

  private static ByteString key(String k) {
    return ByteString.copyFromUtf8(k);
  }
}
