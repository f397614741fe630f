package io.cesiumdb.tablet.storage;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The file format of {@link InMemoryMvccStore} range exports: {@value #DATA_FILE} and {@value
 * #META_FILE} each hold the raw encoded entries as (int length, key bytes, int length, value bytes)
 * records until end of file, next to an {@link ExportManifest} with format {@value #FORMAT}.
 */
final class InMemoryRangeFiles {
  static final String FORMAT = "kv";
  static final String DATA_FILE = "data.kv";
  static final String META_FILE = "meta.kv";

  private InMemoryRangeFiles() {}

  /** Writes every entry of {@code cursor} from {@code lower} on to {@code file}; returns count. */
  static long write(RawCursor cursor, byte[] lower, Path file) throws IOException {
    long count = 0;
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
      for (cursor.seek(lower); cursor.isValid(); cursor.next()) {
        writeBytes(out, cursor.key());
        writeBytes(out, cursor.value());
        count++;
      }
    }
    return count;
  }

  /** Reads a file written by {@link #write} into a sorted map. */
  static NavigableMap<byte[], byte[]> read(Path file) throws IOException {
    NavigableMap<byte[], byte[]> entries = new TreeMap<>(Arrays::compareUnsigned);
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      while (true) {
        int keyLength;
        try {
          keyLength = in.readInt();
        } catch (EOFException end) {
          return entries;
        }
        entries.put(in.readNBytes(keyLength), in.readNBytes(in.readInt()));
      }
    }
  }

  private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
    out.writeInt(bytes.length);
    out.write(bytes);
  }
}
