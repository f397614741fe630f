package io.cesiumdb.pd.checker;

import io.cesiumdb.pd.cluster.ClusterView;

/**
 * Finds what is wrong in a view and proposes operators that repair it. A checker must be a pure
 * function of the view, must skip tablets with a pending operator, and must propose at most one
 * operator per tablet.
 */
public interface Checker {

  String name();

  /** The repairs for {@code view}, plus a reason for every problem it could not repair. */
  CheckResult check(ClusterView view);
}
