package io.cesiumdb.sql.wire;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PasswordAuthenticatorTest {
  private final Authenticator auth = PasswordAuthenticator.of(Map.of("alice", "s3cret", "bob", ""));

  @Test
  void acceptsTheRightPassword() {
    assertDoesNotThrow(() -> auth.authenticate("alice", "s3cret"));
    assertDoesNotThrow(() -> auth.authenticate("bob", ""));
  }

  @Test
  void refusesWrongPasswordsAndUnknownUsersAlike() {
    for (String[] attempt :
        new String[][] {{"alice", "S3cret"}, {"alice", ""}, {"carol", "s3cret"}, {"", ""}}) {
      CesiumException e =
          assertThrows(CesiumException.class, () -> auth.authenticate(attempt[0], attempt[1]));
      assertEquals(ErrorCode.AUTH_FAILED, e.code());
      assertEquals("28P01", e.sqlState());
    }
  }
}
