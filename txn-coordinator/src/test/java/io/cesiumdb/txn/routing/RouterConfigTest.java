package io.cesiumdb.txn.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RouterConfigTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    RouterConfig c = RouterConfig.defaults();
    assertEquals(Duration.ofSeconds(10), c.overallDeadline());
    assertEquals(Duration.ofSeconds(2), c.attemptTimeout());
    assertEquals(Duration.ofMillis(10), c.backoffBase());
    assertEquals(Duration.ofSeconds(1), c.backoffMax());
    assertEquals(100, c.maxAttempts());
  }

  @Test
  void nonsenseIsRejected() {
    RouterConfig c = RouterConfig.defaults();
    assertThrows(IllegalArgumentException.class, () -> c.withOverallDeadline(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> c.withAttemptTimeout(Duration.ofMillis(-1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> c.withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    assertThrows(IllegalArgumentException.class, () -> c.withMaxAttempts(0));
    assertThrows(NullPointerException.class, () -> c.withOverallDeadline(null));
  }
}
