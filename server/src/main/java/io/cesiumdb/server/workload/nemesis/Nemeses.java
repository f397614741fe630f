package io.cesiumdb.server.workload.nemesis;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the nemeses named by {@code --nemesis} (comma-separated). {@code none} (or an empty list)
 * means a fault-free run.
 */
public final class Nemeses {
  private Nemeses() {}

  /**
   * The nemeses for {@code csv}, in the order named.
   *
   * @throws IllegalArgumentException naming the first unknown nemesis and the known ones
   */
  public static List<Nemesis> parse(String csv, NemesisTarget target) {
    List<Nemesis> out = new ArrayList<>();
    for (String name : csv.split(",")) {
      String n = name.trim();
      if (n.isEmpty() || n.equals("none")) {
        continue;
      }
      throw new IllegalArgumentException("unknown nemesis '" + n + "'; known: none");
    }
    return out;
  }
}
