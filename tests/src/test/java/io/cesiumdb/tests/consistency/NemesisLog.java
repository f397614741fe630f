package io.cesiumdb.tests.consistency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The nemesis events of a run's history file (JSON lines, process {@code "nemesis"}). */
final class NemesisLog {
  private final List<String> injected = new ArrayList<>();

  private NemesisLog() {}

  static NemesisLog read(Path history) {
    NemesisLog log = new NemesisLog();
    try {
      for (String line : Files.readAllLines(history)) {
        if (line.contains("\"process\":\"nemesis\"") && line.contains("\"f\":\"start\"")) {
          int at = line.indexOf("\"value\":\"");
          log.injected.add(at < 0 ? line : line.substring(at + 9));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return log;
  }

  /** Whether {@code nemesis} was injected at least once, and successfully. */
  boolean injected(String nemesis) {
    return injected.stream()
        .anyMatch(v -> v.startsWith(nemesis + ": ") && !v.startsWith(nemesis + ": inject failed"));
  }

  /** How many faults were injected successfully. */
  long faults() {
    return injected.stream().filter(v -> !v.contains(": inject failed")).count();
  }

  /** The nodes the kill nemesis killed, in order (a node killed twice appears twice). */
  List<String> killed() {
    List<String> out = new ArrayList<>();
    for (String v : injected) {
      Matcher m = KILLED.matcher(v);
      if (v.startsWith("kill: ") && m.find()) {
        out.add(m.group(1));
      }
    }
    return out;
  }

  private static final Pattern KILLED = Pattern.compile("kill -9 (\\S+)");

  List<String> events() {
    return List.copyOf(injected);
  }
}
