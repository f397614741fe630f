package io.cesiumdb.sql.wire;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;

/**
 * An {@link Authenticator} over a fixed set of users, for the bootstrap user and tests. It keeps
 * SHA-256 digests, not passwords, and compares them in constant time; an unknown user costs the
 * same as a wrong password. TODO(#6): users stored by the placement driver, salted slow hashes.
 */
public final class PasswordAuthenticator implements Authenticator {
  private static final byte[] NO_USER = digest("\u0000no such user");

  private final Map<String, byte[]> digests;

  private PasswordAuthenticator(Map<String, byte[]> digests) {
    this.digests = digests;
  }

  /** Users and their passwords. */
  public static PasswordAuthenticator of(Map<String, String> passwords) {
    Map<String, byte[]> digests = new HashMap<>();
    passwords.forEach((user, password) -> digests.put(user, digest(password)));
    return new PasswordAuthenticator(Map.copyOf(digests));
  }

  @Override
  public void authenticate(String user, String password) {
    byte[] expected = digests.getOrDefault(user, NO_USER);
    boolean match = MessageDigest.isEqual(expected, digest(password));
    if (!match || !digests.containsKey(user)) {
      throw new CesiumException(
          ErrorCode.AUTH_FAILED, "password authentication failed for user \"" + user + "\"");
    }
  }

  private static byte[] digest(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
