package io.cesiumdb.pd.scheduler;

import io.cesiumdb.pd.cluster.ClusterView;
import io.cesiumdb.pd.operator.Operator;
import java.util.List;

/**
 * Improves a legal cluster (balance), never repairs it. A scheduler is a pure function of the view:
 * it proposes operators, a controller decides whether and when to run them. It must skip tablets
 * with a pending operator, propose at most one operator per tablet and respect its own per-round
 * limit.
 */
public interface Scheduler {

  String name();

  List<Operator> schedule(ClusterView view);
}
