package io.cesiumdb.common.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ErrorCodeRegistryTest {

  @Test
  void registryMatchesTheGoldenFile() throws IOException {
    List<String> golden;
    try (InputStream in = getClass().getResourceAsStream("/error-codes.golden")) {
      golden =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .filter(l -> !l.isBlank() && !l.startsWith("#"))
              .toList();
    }
    List<String> actual =
        Arrays.stream(ErrorCode.values())
            .map(
                c ->
                    String.join(
                        " ",
                        c.id(),
                        c.name(),
                        c.sqlState(),
                        String.valueOf(c.retryable()),
                        String.valueOf(c.vendorCode())))
            .toList();
    assertEquals(
        golden,
        actual,
        "error codes changed: codes are an API; append to the golden file, never renumber");
  }

  @Test
  void idsAreUniqueAndLookUpBack() {
    Set<String> ids = new HashSet<>();
    for (ErrorCode c : ErrorCode.values()) {
      assertTrue(ids.add(c.id()), "duplicate id " + c.id());
      assertEquals(c, ErrorCode.byId(c.id()).orElseThrow());
      assertEquals(c, ErrorCode.byVendorCode(c.vendorCode()).orElseThrow());
    }
    assertTrue(ErrorCode.byId("NOPE-1").isEmpty());
    assertTrue(ErrorCode.byVendorCode(0).isEmpty());
  }

  @Test
  void sqlStatesAreWellFormed() {
    for (ErrorCode c : ErrorCode.values()) {
      assertTrue(c.sqlState().matches("[0-9A-Z]{5}"), c + " has a malformed SQLSTATE");
    }
  }

  @Test
  void onlyConnectionErrorsUseClass08() {
    Set<ErrorCode> class08 =
        Arrays.stream(ErrorCode.values())
            .filter(c -> c.sqlState().startsWith("08"))
            .collect(Collectors.toSet());
    for (ErrorCode c : class08) {
      assertEquals(ErrorGroup.CONNECTION, c.group(), c + " uses class 08 outside CONNECTION");
    }
  }

  @Test
  void serializationFailuresAreRetryable() {
    for (ErrorCode c : ErrorCode.values()) {
      if (c.sqlState().equals("40001")) {
        assertTrue(c.retryable(), c + " maps to 40001 but is not retryable");
      }
    }
  }
}
