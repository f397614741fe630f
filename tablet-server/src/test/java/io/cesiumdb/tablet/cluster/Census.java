package io.cesiumdb.tablet.cluster;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the JVM holds right now: live threads (and how many of each kind), heap in use after a GC,
 * and direct (off-heap NIO) memory. Differences between two censuses give the cost of what was
 * created in between.
 *
 * @param threads live threads
 * @param heapBytes heap in use after {@code System.gc()}
 * @param directBytes memory used by direct ByteBuffers
 * @param threadKinds thread count per name pattern (numbers and group ids blanked out)
 */
public record Census(int threads, long heapBytes, long directBytes, Map<String, Long> threadKinds) {

  public static Census take() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    long direct =
        ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
            .filter(b -> b.getName().equals("direct"))
            .mapToLong(BufferPoolMXBean::getMemoryUsed)
            .sum();
    Map<String, Long> kinds =
        Thread.getAllStackTraces().keySet().stream()
            .collect(
                Collectors.groupingBy(t -> kind(t.getName()), TreeMap::new, Collectors.counting()));
    return new Census(
        ManagementFactory.getThreadMXBean().getThreadCount(),
        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
        direct,
        kinds);
  }

  /** A thread name with its group id, peer ids and counters blanked: one "kind" per role. */
  static String kind(String name) {
    return name.replaceAll("group-[0-9A-F]{12}", "group-*")
        .replaceAll("n\\d+", "n*")
        .replaceAll("\\d+", "#");
  }

  /** A one-line summary of {@code this - before} spread over {@code divisions}. */
  public String perDivision(Census before, int divisions) {
    return String.format(
        "threads %+d (%.2f/division), heap %+.1f MB (%.0f KB/division), direct %+.1f MB"
            + " (%.0f KB/division)",
        threads - before.threads,
        (threads - before.threads) / (double) divisions,
        (heapBytes - before.heapBytes) / 1048576.0,
        (heapBytes - before.heapBytes) / 1024.0 / divisions,
        (directBytes - before.directBytes) / 1048576.0,
        (directBytes - before.directBytes) / 1024.0 / divisions);
  }
}
