package io.cesiumdb.sql.pd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link PdAuthenticator}: the PD's Authenticate answer as the wire layer's 28P01. */
class PdAuthenticatorTest {
  private final PdFixture f = new PdFixture();
  private final AtomicLong now = new AtomicLong();
  private final PdAuthenticator auth =
      new PdAuthenticator(f.calls(), new VerifiedPasswords(Duration.ofSeconds(60), now::get));

  @BeforeEach
  void users() {
    f.pd.users.put("alice", "s3cret");
  }

  @AfterEach
  void stop() {
    f.close();
  }

  private CesiumException refused(String user, String password) {
    return assertThrows(CesiumException.class, () -> auth.authenticate(user, password));
  }

  @Test
  void theRightPasswordPasses() {
    auth.authenticate("alice", "s3cret");
    assertEquals(1, f.pd.authentications.get());
  }

  @Test
  void aWrongPasswordAndAnUnknownUserAreTheSame28P01() {
    CesiumException wrong = refused("alice", "guess");
    CesiumException unknown = refused("mallory", "s3cret");

    assertEquals(ErrorCode.AUTH_FAILED, wrong.code());
    assertEquals("28P01", wrong.code().sqlState());
    assertEquals(ErrorCode.AUTH_FAILED, unknown.code());
    assertEquals(
        wrong.getMessage().replace("alice", "?"), unknown.getMessage().replace("mallory", "?"));
  }

  @Test
  void anEmptyUserOrPasswordIsRefusedWithoutAskingThePlacementDriver() {
    assertEquals(ErrorCode.AUTH_FAILED, refused("", "s3cret").code());
    assertEquals(ErrorCode.AUTH_FAILED, refused("alice", "").code());
    assertEquals(0, f.pd.authentications.get());
  }

  @Test
  void anAcceptedPasswordIsRememberedForTheTtlAndNeverAWrongOne() {
    auth.authenticate("alice", "s3cret");
    auth.authenticate("alice", "s3cret");
    assertEquals(1, f.pd.authentications.get(), "the second login is served from the cache");

    assertEquals(ErrorCode.AUTH_FAILED, refused("alice", "s3cret ").code());
    assertEquals(2, f.pd.authentications.get(), "a different password asks the PD");

    now.addAndGet(Duration.ofSeconds(61).toNanos());
    auth.authenticate("alice", "s3cret");
    assertEquals(3, f.pd.authentications.get(), "after the TTL the PD is asked again");
  }

  @Test
  void aRefusedPasswordForgetsTheCachedOne() {
    auth.authenticate("alice", "s3cret");
    f.pd.users.put("alice", "changed");
    refused("alice", "wrong");
    auth.authenticate("alice", "changed");
    assertEquals(ErrorCode.AUTH_FAILED, refused("alice", "s3cret").code());
  }

  @Test
  void anUnreachablePlacementDriverIsUnavailableNotAWrongPassword() {
    f.pd.down = true;
    assertEquals(ErrorCode.UNAVAILABLE, refused("alice", "s3cret").code());
  }
}
