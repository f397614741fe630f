package io.cesiumdb.common.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class CesiumExceptionTest {

  @Test
  void carriesCodeSqlStateAndHint() {
    RetryHint hint = new RetryHint.NotLeader("t7", "n2", "127.0.0.1:7102");
    CesiumException e = CesiumException.retry(ErrorCode.NOT_LEADER, "not the leader", hint);
    assertEquals(ErrorCode.NOT_LEADER, e.code());
    assertEquals("40001", e.sqlState());
    assertTrue(e.isRetryable());
    assertEquals(hint, e.hint().orElseThrow());
    assertEquals("[RTE-1] not the leader", e.getMessage());
  }

  @Test
  void retryRefusesNonRetryableCodes() {
    assertThrows(
        IllegalArgumentException.class,
        () -> CesiumException.retry(ErrorCode.SYNTAX_ERROR, "x", null));
  }

  @Test
  void fromFindsTheCauseOrWrapsAsInternal() {
    CesiumException inner = new CesiumException(ErrorCode.TXN_WOUNDED, "wounded");
    assertSame(inner, CesiumException.from(new CompletionException(inner)));

    CesiumException wrapped = CesiumException.from(new IllegalStateException("boom"));
    assertEquals(ErrorCode.INTERNAL, wrapped.code());
    assertFalse(wrapped.isRetryable());
  }
}
