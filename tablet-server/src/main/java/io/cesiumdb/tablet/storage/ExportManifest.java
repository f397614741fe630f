package io.cesiumdb.tablet.storage;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Describes a directory written by {@link MvccStore#exportRange}: which key range and tablet it
 * holds, how many entries each file has, and which engine wrote it. {@link MvccStore#importRange}
 * reads it to know what to replace.
 *
 * <p>File {@value #FILE_NAME}: magic "CSMV", version 1, engine format (UTF), keyspace, tablet id,
 * start key (length + bytes), end key (length + bytes, or length -1 for "end of keyspace"), data
 * entry count, meta entry count. Written last, so its presence marks a complete export.
 *
 * @param format the engine file format, {@code "sst"} or {@code "kv"}
 * @param keyspace the exported keyspace
 * @param startKey the inclusive start user key (empty for the start of the keyspace)
 * @param endKey the exclusive end user key, or null for the end of the keyspace
 * @param tabletId the tablet whose meta entries were exported
 * @param dataEntries the number of data entries (versions) exported
 * @param metaEntries the number of meta entries exported
 */
record ExportManifest(
    String format,
    long keyspace,
    byte[] startKey,
    byte[] endKey,
    long tabletId,
    long dataEntries,
    long metaEntries) {
  static final String FILE_NAME = "cesium-range.manifest";
  private static final int MAGIC = 0x43534D56;
  private static final int VERSION = 1;

  ExportManifest {
    startKey = startKey == null ? new byte[0] : startKey.clone();
    endKey = endKey == null ? null : endKey.clone();
  }

  /** Returns the inclusive lower bound of the exported data keys. */
  byte[] dataLower() {
    return KeyCodec.rangeStart(keyspace, startKey);
  }

  /** Returns the exclusive upper bound of the exported data keys. */
  byte[] dataUpper() {
    return KeyCodec.rangeEnd(keyspace, endKey);
  }

  /** Returns a copy with the entry counts set. */
  ExportManifest withCounts(long dataCount, long metaCount) {
    return new ExportManifest(format, keyspace, startKey, endKey, tabletId, dataCount, metaCount);
  }

  /** Returns true if the data range is non-empty. */
  boolean hasDataRange() {
    return Arrays.compareUnsigned(dataLower(), dataUpper()) < 0;
  }

  void write(Path dir) throws IOException {
    try (OutputStream file = Files.newOutputStream(dir.resolve(FILE_NAME));
        DataOutputStream out = new DataOutputStream(file)) {
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      out.writeUTF(format);
      out.writeLong(keyspace);
      out.writeLong(tabletId);
      writeBytes(out, startKey);
      writeBytes(out, endKey);
      out.writeLong(dataEntries);
      out.writeLong(metaEntries);
    }
  }

  static ExportManifest read(Path dir, String expectedFormat) throws IOException {
    try (InputStream file = Files.newInputStream(dir.resolve(FILE_NAME));
        DataInputStream in = new DataInputStream(file)) {
      if (in.readInt() != MAGIC || in.readInt() != VERSION) {
        throw new StorageException("not a CesiumDB range export: " + dir);
      }
      String format = in.readUTF();
      if (!format.equals(expectedFormat)) {
        throw new StorageException("export in format " + format + ", expected " + expectedFormat);
      }
      long keyspace = in.readLong();
      long tabletId = in.readLong();
      byte[] start = readBytes(in);
      byte[] end = readBytes(in);
      return new ExportManifest(
          format, keyspace, start, end, tabletId, in.readLong(), in.readLong());
    }
  }

  private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
    out.writeInt(bytes == null ? -1 : bytes.length);
    if (bytes != null) {
      out.write(bytes);
    }
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    int length = in.readInt();
    return length < 0 ? null : in.readNBytes(length);
  }
}
