package io.cesiumdb.server.workload.nemesis;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the nemeses named by {@code --nemesis} (comma-separated). {@code none} (or an empty list)
 * means a fault-free run. Known: {@value #KNOWN}. The nemeses of one list share the membership they
 * discover from the target's seeds.
 */
public final class Nemeses {
  /** Every nemesis name, for messages and help texts. */
  public static final String KNOWN =
      "none, skew, strobe, bigskew, partition, leader-transfer, kill";

  private Nemeses() {}

  /**
   * The nemeses for {@code csv}, in the order named.
   *
   * @throws IllegalArgumentException naming the first unknown nemesis and the known ones, or {@code
   *     kill} when the target has no process control
   */
  public static List<Nemesis> parse(String csv, NemesisTarget target) {
    List<Nemesis> out = new ArrayList<>();
    Membership members = new Membership(target.seeds());
    for (String name : csv.split(",")) {
      String n = name.trim();
      if (n.isEmpty() || n.equals("none")) {
        continue;
      }
      out.add(build(n, members, target));
    }
    return out;
  }

  private static Nemesis build(String name, Membership members, NemesisTarget target) {
    long seed = target.seed();
    return switch (name) {
      case "skew" -> ClockSkewNemesis.skew(members, seed);
      case "bigskew" -> ClockSkewNemesis.bigSkew(members, seed);
      case "strobe" -> new StrobeNemesis(members, seed);
      case "partition" -> new PartitionNemesis(members, seed);
      case "leader-transfer" -> new LeaderTransferNemesis(members, seed);
      case "kill" ->
          new KillNemesis(
              members,
              target
                  .processes()
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              "nemesis 'kill' needs process control: the run must start the node"
                                  + " processes itself (it was given only addresses)")),
              seed);
      default ->
          throw new IllegalArgumentException("unknown nemesis '" + name + "'; known: " + KNOWN);
    };
  }
}
