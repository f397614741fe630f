package io.cesiumdb.sql.pd;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Passwords this node saw the placement driver accept recently, so a reconnecting client does not
 * cost the PD leader another PBKDF2 hash (600,000 iterations: about half a second of CPU, seconds
 * on a loaded box, paid on every connection before this cache). Kept as HMAC-SHA256 under a random
 * key that lives only in this process, never as the password.
 *
 * <p>The price: a password changed or a user dropped elsewhere keeps working on this node for up to
 * the TTL (default {@link #DEFAULT_TTL}). A wrong password is never cached: every failure asks the
 * PD again. Thread-safe; bounded ({@link #MAX_ENTRIES}, cleared when full).
 *
 * <p>Rejected: a cheaper password hash (weakens the stored hash for every user) and caching in the
 * driver (the server must not trust a client's claim that it authenticated before).
 */
final class VerifiedPasswords {
  static final Duration DEFAULT_TTL = Duration.ofSeconds(60);
  static final int MAX_ENTRIES = 10_000;

  private record Entry(byte[] mac, long expiresNanos) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final SecretKeySpec key;
  private final long ttlNanos;
  private final LongSupplier nanoClock;

  VerifiedPasswords(Duration ttl, LongSupplier nanoClock) {
    byte[] k = new byte[32];
    new SecureRandom().nextBytes(k);
    this.key = new SecretKeySpec(k, "HmacSHA256");
    this.ttlNanos = ttl.toNanos();
    this.nanoClock = nanoClock;
  }

  /** Whether {@code password} was accepted for {@code user} within the TTL. */
  boolean contains(String user, String password) {
    Entry e = entries.get(user);
    if (e == null || nanoClock.getAsLong() - e.expiresNanos() > 0) {
      return false;
    }
    return MessageDigest.isEqual(e.mac(), mac(user, password));
  }

  /** Records that the placement driver accepted {@code password} for {@code user}. */
  void remember(String user, String password) {
    if (ttlNanos <= 0) {
      return;
    }
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear();
    }
    entries.put(user, new Entry(mac(user, password), nanoClock.getAsLong() + ttlNanos));
  }

  /** Forgets {@code user} (its password was just refused). */
  void forget(String user) {
    entries.remove(user);
  }

  private byte[] mac(String user, String password) {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(key);
      m.update(user.getBytes(StandardCharsets.UTF_8));
      m.update((byte) 0);
      return m.doFinal(password.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
