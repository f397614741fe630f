package io.cesiumdb.tablet.storage;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/** Small helpers shared by the storage tests. */
final class TestBytes {
  private static final byte[] ALPHABET = {0x00, 0x01, 0x61, (byte) 0xFF};

  private TestBytes() {}

  /** Returns the UTF-8 bytes of {@code s}. */
  static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Returns the bytes given as ints. */
  static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  /** Decodes UTF-8. */
  static String s(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Returns the value of a read as a string, or null if absent. */
  static String value(Optional<VersionedValue> read) {
    return read.map(v -> s(v.value())).orElse(null);
  }

  /** Returns the keys of scanned rows as strings. */
  static List<String> keys(ScanResult result) {
    return result.rows().stream().map(v -> s(v.key())).toList();
  }

  /**
   * Returns a short random key over {0x00, 0x01, 'a', 0xFF}, so prefixes and escapes are common.
   */
  static byte[] smallKey(SplittableRandom random, int maxLength) {
    byte[] key = new byte[random.nextInt(maxLength + 1)];
    for (int i = 0; i < key.length; i++) {
      key[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return key;
  }

  /** Returns {@code bytes} as hex, for assertion messages. */
  static String hex(byte[] bytes) {
    return bytes == null ? "null" : HexFormat.of().formatHex(bytes);
  }
}
