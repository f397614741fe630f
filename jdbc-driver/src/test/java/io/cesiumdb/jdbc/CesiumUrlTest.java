package io.cesiumdb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.jdbc.transport.HostAndPort;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CesiumUrlTest {
  @Test
  void listsNodesInOrderWithSchema() {
    CesiumUrl url = CesiumUrl.parse("jdbc:cesium://n1:7101,n2:7102,10.0.0.3:9000/sales");
    assertEquals(
        List.of(
            new HostAndPort("n1", 7101),
            new HostAndPort("n2", 7102),
            new HostAndPort("10.0.0.3", 9000)),
        url.nodes());
    assertEquals(Optional.of("sales"), url.schema());
    assertEquals(Map.of(), url.parameters());
  }

  @Test
  void portDefaultsToTheNodeRpcPort() {
    CesiumUrl url = CesiumUrl.parse("jdbc:cesium://localhost");
    assertEquals(List.of(new HostAndPort("localhost", CesiumUrl.DEFAULT_PORT)), url.nodes());
    assertEquals(Optional.empty(), url.schema());
  }

  @Test
  void emptySchemaAfterSlashMeansNone() {
    assertEquals(Optional.empty(), CesiumUrl.parse("jdbc:cesium://h:1/").schema());
  }

  @Test
  void ipv6LiteralsGoInBrackets() {
    CesiumUrl url = CesiumUrl.parse("jdbc:cesium://[::1]:7101,[fe80::2]/s");
    assertEquals(
        List.of(new HostAndPort("::1", 7101), new HostAndPort("fe80::2", CesiumUrl.DEFAULT_PORT)),
        url.nodes());
    assertEquals("[::1]:7101", url.nodes().get(0).toString());
  }

  @Test
  void queryParametersArePercentDecoded() {
    CesiumUrl url =
        CesiumUrl.parse(
            "jdbc:cesium://h:1/my%20schema?user=alice&password=p%26ss&connectTimeoutMs=50");
    assertEquals(Optional.of("my schema"), url.schema());
    assertEquals(
        Map.of("user", "alice", "password", "p&ss", "connectTimeoutMs", "50"), url.parameters());
  }

  @Test
  void parametersWithoutSchema() {
    CesiumUrl url = CesiumUrl.parse("jdbc:cesium://h:1?user=bob");
    assertEquals(Optional.empty(), url.schema());
    assertEquals(Map.of("user", "bob"), url.parameters());
  }

  @Test
  void spacesAroundNodesAreIgnored() {
    assertEquals(
        List.of(new HostAndPort("a", 1), new HostAndPort("b", 2)),
        CesiumUrl.parse("jdbc:cesium://a:1, b:2").nodes());
  }

  @Test
  void acceptsOnlyItsOwnPrefix() {
    assertTrue(CesiumUrl.accepts("jdbc:cesium://h"));
    assertTrue(CesiumUrl.accepts("JDBC:CESIUM://h"));
    assertFalse(CesiumUrl.accepts("jdbc:cesium:h"));
    assertFalse(CesiumUrl.accepts("jdbc:postgresql://h/db"));
    assertFalse(CesiumUrl.accepts(null));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "jdbc:cesium://",
        "jdbc:cesium:///schema",
        "jdbc:cesium://h:",
        "jdbc:cesium://h:abc",
        "jdbc:cesium://h:0",
        "jdbc:cesium://h:65536",
        "jdbc:cesium://h:1,,h2:2",
        "jdbc:cesium://h:1,",
        "jdbc:cesium://:1",
        "jdbc:cesium://[::1:7101",
        "jdbc:cesium://[::1]x",
        "jdbc:cesium://h:1/a/b",
        "jdbc:cesium://h:1?novalue",
        "jdbc:cesium://h:1?=x",
        "jdbc:mysql://h:1"
      })
  void rejectsMalformedUrls(String url) {
    assertThrows(IllegalArgumentException.class, () -> CesiumUrl.parse(url));
  }
}
