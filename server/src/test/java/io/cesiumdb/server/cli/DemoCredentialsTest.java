package io.cesiumdb.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's saved password: written owner-only, read back, absent when no demo saved one. */
class DemoCredentialsTest {
  @TempDir Path dir;

  @Test
  void aSavedPasswordIsReadBackAndOnlyItsOwnerMayReadIt() throws Exception {
    Path data = dir.resolve("cesium-data");
    DemoCredentials.write(data, "s3cret-Pw");

    assertEquals(Optional.of("s3cret-Pw"), DemoCredentials.read(data));
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(
            Files.getPosixFilePermissions(data.resolve(DemoCredentials.FILE))));
  }

  @Test
  void noDemoNoPassword() {
    assertTrue(DemoCredentials.read(dir.resolve("nothing")).isEmpty());
  }
}
