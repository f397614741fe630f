package io.cesiumdb.tablet.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.common.error.RetryHint;
import io.cesiumdb.proto.errors.ErrorDetail;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

class ErrorDetailsTest {
  @Test
  void notLeaderCarriesTheLeaderHint() {
    CesiumException e =
        CesiumException.retry(
            ErrorCode.NOT_LEADER, "no", new RetryHint.NotLeader("12", "n2", "127.0.0.1:9"));
    ErrorDetail d = ErrorDetails.of(new CompletionException(e));
    assertEquals("RTE-1", d.getCode());
    assertEquals(12, d.getNotLeader().getTabletId());
    assertEquals("n2", d.getNotLeader().getLeaderNodeId());
    assertEquals("127.0.0.1:9", d.getNotLeader().getLeaderAddress());
  }

  @Test
  void tabletMovedCarriesEpochs() {
    ErrorDetail d =
        ErrorDetails.of(
            CesiumException.retry(
                ErrorCode.TABLET_MOVED, "moved", new RetryHint.TabletMoved("3", 0, 4)));
    assertEquals("RTE-2", d.getCode());
    assertEquals(3, d.getTabletMoved().getTabletId());
    assertEquals(4, d.getTabletMoved().getCurrentEpoch());
  }

  @Test
  void anythingElseIsInternalOrShuttingDown() {
    assertEquals("CMN-1", ErrorDetails.of(new IllegalStateException("bug")).getCode());
    assertEquals(
        "CMN-5",
        ErrorDetails.of(new CompletionException(new RejectedExecutionException())).getCode());
  }
}
