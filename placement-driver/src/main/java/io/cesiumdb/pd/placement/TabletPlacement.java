package io.cesiumdb.pd.placement;

import java.util.List;

/**
 * Where one new tablet's replicas go, in preferred-leader order: the first node should lead, the
 * second takes over if it cannot, and so on.
 *
 * @param replicas distinct UP node ids, preferred leader first
 */
public record TabletPlacement(List<String> replicas) {

  public TabletPlacement {
    replicas = List.copyOf(replicas);
    if (replicas.isEmpty() || replicas.stream().distinct().count() != replicas.size()) {
      throw new IllegalArgumentException("need distinct replicas, got " + replicas);
    }
  }

  public String preferredLeader() {
    return replicas.get(0);
  }
}
