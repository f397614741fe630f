package io.cesiumdb.pd.operator;

/** What an operator is for; the kind fixes its {@link Priority}. */
public enum OperatorKind {
  /** Replace a replica on a DOWN node, or add a missing one. */
  REPAIR_REPLICA(Priority.REPAIR),
  /** Remove a replica beyond the target count. */
  REMOVE_EXTRA_REPLICA(Priority.REPAIR),
  /** Move leadership towards the node with the fewest leaders. */
  BALANCE_LEADER(Priority.BALANCE),
  /** Move a replica from the fullest node to the emptiest. */
  BALANCE_TABLET(Priority.BALANCE);

  private final Priority priority;

  OperatorKind(Priority priority) {
    this.priority = priority;
  }

  public Priority priority() {
    return priority;
  }

  /** Repairs run before balancing; enum order is execution order. */
  public enum Priority {
    REPAIR,
    BALANCE
  }
}
