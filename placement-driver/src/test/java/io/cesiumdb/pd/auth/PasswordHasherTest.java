package io.cesiumdb.pd.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.proto.placement.UserEntry;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  private final PasswordHasher hasher = new PasswordHasher(new SecureRandom(), 1_000);

  @Test
  void theRightPasswordVerifiesAndAWrongOneDoesNot() {
    UserEntry alice = hasher.hash("alice", "s3cret");

    assertTrue(hasher.verify(alice, "s3cret"));
    assertFalse(hasher.verify(alice, "s3cret "));
    assertFalse(hasher.verify(alice, "S3cret"));
    assertFalse(hasher.verify(alice, ""));
  }

  @Test
  void storesSaltIterationsAndHashButNeverThePassword() {
    UserEntry alice = hasher.hash("alice", "s3cret-password");

    assertEquals("alice", alice.getName());
    assertEquals(PasswordHasher.ALGORITHM, alice.getAlgorithm());
    assertEquals(1_000, alice.getIterations());
    assertEquals(16, alice.getSalt().size());
    assertEquals(32, alice.getHash().size());
    String bytes = new String(alice.toByteArray(), StandardCharsets.ISO_8859_1);
    assertFalse(bytes.contains("s3cret-password"));
  }

  @Test
  void eachCredentialGetsItsOwnSalt() {
    UserEntry a = hasher.hash("u", "same");
    UserEntry b = hasher.hash("u", "same");

    assertNotEquals(a.getSalt(), b.getSalt());
    assertNotEquals(a.getHash(), b.getHash());
    assertTrue(hasher.verify(b, "same"));
  }

  @Test
  void theStoredIterationCountIsUsedNotTheHashersOwn() {
    UserEntry old = new PasswordHasher(new SecureRandom(), 7).hash("old", "pw");

    assertTrue(hasher.verify(old, "pw"));
    assertFalse(hasher.verify(old.toBuilder().setIterations(8).build(), "pw"));
  }

  @Test
  void anUnknownAlgorithmOrUnknownUserNeverMatches() {
    UserEntry alice = hasher.hash("alice", "pw");

    assertFalse(hasher.verify(alice.toBuilder().setAlgorithm("MD5").build(), "pw"));
    assertFalse(hasher.verifyUnknown("pw"));
    assertFalse(hasher.verifyUnknown(""));
  }

  @Test
  void iterationsMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(new SecureRandom(), 0));
    assertEquals(PasswordHasher.DEFAULT_ITERATIONS, PasswordHasher.withDefaults().iterations());
  }
}
