package io.cesiumdb.pd.auth;

import com.google.protobuf.ByteString;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.placement.UserEntry;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Turns passwords into stored credentials and checks passwords against them: PBKDF2 with
 * HMAC-SHA256 from the JDK, a random 16-byte salt per user, a 256-bit derived key, the iteration
 * count stored with the credential (so raising the default later leaves old users valid), and a
 * constant-time comparison. Why here and not in the state machine: hashing draws randomness and
 * burns CPU, so the PD leader's handler does it once before proposing, and every replica stores the
 * same bytes.
 *
 * <p>Thread-safe. Hashing is deliberately slow (about 0.2 s at the default count on one core):
 * callers run it off latency-sensitive threads.
 */
public final class PasswordHasher {
  public static final String ALGORITHM = "PBKDF2WithHmacSHA256";

  /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
  public static final int DEFAULT_ITERATIONS = 600_000;

  private static final int SALT_BYTES = 16;
  private static final int KEY_BITS = 256;

  private final SecureRandom random;
  private final int iterations;
  private volatile UserEntry decoy;

  /**
   * @param iterations PBKDF2 rounds for new credentials, at least 1 (tests use few)
   */
  public PasswordHasher(SecureRandom random, int iterations) {
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
    }
    this.random = random;
    this.iterations = iterations;
  }

  /** A hasher with a fresh {@link SecureRandom} and {@link #DEFAULT_ITERATIONS}. */
  public static PasswordHasher withDefaults() {
    return new PasswordHasher(new SecureRandom(), DEFAULT_ITERATIONS);
  }

  public int iterations() {
    return iterations;
  }

  /** A new credential for {@code name}: fresh salt, this hasher's iteration count. */
  public UserEntry hash(String name, String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    return UserEntry.newBuilder()
        .setName(name)
        .setAlgorithm(ALGORITHM)
        .setIterations(iterations)
        .setSalt(ByteString.copyFrom(salt))
        .setHash(ByteString.copyFrom(derive(password, salt, iterations, KEY_BITS)))
        .build();
  }

  /**
   * Whether {@code password} matches {@code stored}, compared in constant time. A credential with
   * an unknown algorithm never matches.
   */
  public boolean verify(UserEntry stored, String password) {
    if (!ALGORITHM.equals(stored.getAlgorithm()) || stored.getHash().isEmpty()) {
      return false;
    }
    byte[] expected = stored.getHash().toByteArray();
    byte[] actual =
        derive(
            password, stored.getSalt().toByteArray(), stored.getIterations(), expected.length * 8);
    return MessageDigest.isEqual(expected, actual);
  }

  /**
   * Does the work of a {@link #verify} for a user that does not exist and returns false, so the
   * answer time does not tell which user names exist.
   */
  public boolean verifyUnknown(String password) {
    UserEntry d = decoy;
    if (d == null) {
      d = hash("", "");
      decoy = d;
    }
    verify(d, password);
    return false;
  }

  private static byte[] derive(String password, byte[] salt, int iterations, int bits) {
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, bits);
    try {
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret((KeySpec) spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new CesiumException(ErrorCode.INTERNAL, ALGORITHM + " is not available", e);
    } finally {
      spec.clearPassword();
    }
  }
}
