package io.cesiumdb.tablet.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.rocksdb.RocksDB;
import org.rocksdb.util.Environment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads RocksDB's JNI library from a per-user cache ({@code ~/.cache/cesiumdb/rocksdbjni-<crc>/},
 * or the directory in system property {@value #DIR_PROPERTY}), extracted there once per library
 * version. {@link RocksDB#loadLibrary()} extracts a fresh 17 MB copy into {@code java.io.tmpdir}
 * for every JVM and deletes it only at a clean exit, so every node process killed by the fault
 * suite left one behind (164 copies, 2.7 GB, on a development machine). If the cache cannot be
 * used, the library is loaded the default way.
 *
 * <p>Concurrent JVMs may extract at once: each writes its own temporary file and renames it into
 * place atomically, so a loader sees either no file or a complete one. The directory name carries
 * the CRC of the library in the rocksdbjni jar, so an upgrade never loads a stale copy.
 */
final class RocksNativeLibrary {
  static final String DIR_PROPERTY = "cesium.rocksdb.jniDir";
  private static final Logger LOG = LoggerFactory.getLogger(RocksNativeLibrary.class);
  private static boolean loaded;

  private RocksNativeLibrary() {}

  /** Loads the library once per JVM. */
  static synchronized void load() {
    if (loaded) {
      return;
    }
    try {
      RocksDB.loadLibrary(List.of(cached(cacheRoot()).toString()));
    } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
      LOG.debug("RocksDB JNI cache not usable, extracting for this JVM only: {}", e.toString());
      RocksDB.loadLibrary();
    }
    loaded = true;
  }

  /** The directory under {@code root} holding this jar's JNI library, extracted if missing. */
  static Path cached(Path root) throws IOException {
    String resource = Environment.getJniLibraryFileName("rocksdb");
    URL url = RocksDB.class.getResource("/" + resource);
    if (url == null) {
      throw new IOException("the rocksdbjni jar holds no " + resource);
    }
    Path dir = root.resolve("rocksdbjni-" + Long.toHexString(crcOf(url)));
    Path file = dir.resolve(cachedFileName());
    if (Files.isRegularFile(file)) {
      return dir;
    }
    createPrivateDirectories(dir);
    Path tmp = Files.createTempFile(dir, resource, ".part");
    try (InputStream in = url.openStream()) {
      Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return dir;
  }

  /**
   * The name {@link RocksDB#loadLibrary(List)} looks for in each directory: it asks {@link
   * Environment#getJniLibraryFileName} for "rocksdbjni", which answers {@code
   * librocksdbjnijni-linux64.so} (RocksJava 11.8); the jar's own copy is {@code
   * librocksdbjni-linux64.so}. Should a later RocksJava look for the jar's name, loading from the
   * cache fails and {@link #load} falls back to the default.
   */
  static String cachedFileName() {
    return Environment.getJniLibraryFileName("rocksdbjni");
  }

  private static Path cacheRoot() {
    String configured = System.getProperty(DIR_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "cesiumdb");
  }

  /** The CRC-32 the jar records for the library, without reading it. */
  private static long crcOf(URL url) throws IOException {
    URLConnection c = url.openConnection();
    if (!(c instanceof JarURLConnection jar) || jar.getJarEntry() == null) {
      throw new IOException("not in a jar: " + url);
    }
    long crc = jar.getJarEntry().getCrc();
    if (crc < 0) {
      throw new IOException("no CRC recorded for " + url);
    }
    return crc;
  }

  private static void createPrivateDirectories(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    Files.createDirectories(dir.getParent());
    try {
      Files.createDirectory(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (java.nio.file.FileAlreadyExistsException raced) {
      // another JVM created it first
    }
  }
}
