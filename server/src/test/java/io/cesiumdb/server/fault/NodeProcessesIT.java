package io.cesiumdb.server.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real node process under the negative control: it starts with a simulated clock (its fault
 * admin answers), {@code kill -9} takes it down, and start brings it back at the same address with
 * a fresh clock.
 */
class NodeProcessesIT {
  @TempDir Path dir;

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void aNodeProcessServesTheFaultAdminDiesOnKillAndComesBack() throws Exception {
    try (NodeProcesses nodes =
        NodeProcesses.builder(dir).nodes(1).unsafeDisableCommitWait(true).start()) {
      NodeProcesses.Member n1 = nodes.member("n1");
      assertFalse(n1.runsPd());
      try (FaultAdminClient admin = new FaultAdminClient(n1.rpcAddress(), Duration.ofSeconds(2))) {
        assertTrue(admin.faults().getHealthy());
        assertEquals(1_000, admin.setOffsetMicros(1_000).getClock().getBaseOffsetMicros());

        nodes.kill("n1");
        assertFalse(nodes.isRunning("n1"));
        CesiumException down = assertThrows(CesiumException.class, admin::faults);
        assertEquals(ErrorCode.CONNECTION_FAILURE, down.code());

        nodes.start("n1");
        assertTrue(nodes.isRunning("n1"));
        assertTrue(admin.faults().getHealthy(), "a new process has a fresh clock");
      }
      String log = Files.readString(dir.resolve("n1.log"));
      assertTrue(log.contains("commit wait disabled"), log);
    }
  }
}
