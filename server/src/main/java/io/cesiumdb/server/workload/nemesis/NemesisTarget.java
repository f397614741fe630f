package io.cesiumdb.server.workload.nemesis;

import java.util.List;
import java.util.Optional;

/**
 * What a nemesis acts on.
 *
 * @param seeds node RPC addresses ({@code host:port}) the run was given (the JDBC URL's hosts);
 *     nemeses discover the full membership and node ids from them
 * @param processes process control when the run owns the node processes, else empty
 * @param seed random seed, so a run's fault choices can be replayed
 */
public record NemesisTarget(List<String> seeds, Optional<NodeControl> processes, long seed) {
  public NemesisTarget {
    seeds = List.copyOf(seeds);
  }
}
