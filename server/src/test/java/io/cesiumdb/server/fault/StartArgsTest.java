package io.cesiumdb.server.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The JVM flags a node process gets for the JDK that launches it. */
class StartArgsTest {
  @Test
  void newerJdksAllowWhatRocksDbAndNettyDoInsteadOfWarning() {
    assertEquals(List.of(), StartArgs.jdkFlags(17));
    assertEquals(List.of("--enable-native-access=ALL-UNNAMED"), StartArgs.jdkFlags(22));
    assertEquals(
        List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"),
        StartArgs.jdkFlags(25));
  }
}
