package io.cesiumdb.sql.pd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link PdAuthenticator}: the PD's Authenticate answer as the wire layer's 28P01. */
class PdAuthenticatorTest {
  private final PdFixture f = new PdFixture();
  private final PdAuthenticator auth = new PdAuthenticator(f.calls());

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
  void anUnreachablePlacementDriverIsUnavailableNotAWrongPassword() {
    f.pd.down = true;
    assertEquals(ErrorCode.UNAVAILABLE, refused("alice", "s3cret").code());
  }
}
