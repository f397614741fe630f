package io.cesiumdb.server.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The demo's bootstrap password, kept beside its data ({@code cesium-data/demo-credentials},
 * readable by its owner only), so a second terminal in the same directory can run {@code cesium
 * workload bank} without copying the printed password. Only {@code cesium demo} writes it, and only
 * when it created the user; a production cluster never has one.
 */
public final class DemoCredentials {
  static final String FILE = "demo-credentials";

  private DemoCredentials() {}

  /** Writes {@code password} under {@code dataDir}, owner-only where the filesystem allows. */
  static void write(Path dataDir, String password) throws IOException {
    Path file = dataDir.resolve(FILE);
    Files.createDirectories(dataDir);
    Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the directory's own permissions apply.
    }
  }

  /** The password saved under {@code dataDir}, if a demo saved one. */
  public static Optional<String> read(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    try {
      return Files.isReadable(file)
          ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip())
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
