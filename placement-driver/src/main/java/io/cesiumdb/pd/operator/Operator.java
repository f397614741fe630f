package io.cesiumdb.pd.operator;

import io.cesiumdb.pd.operator.OperatorKind.Priority;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A proposal to change one tablet: ordered {@link Step}s computed against the tablet's {@code
 * epoch}. The executor must drop an operator whose epoch no longer matches the directory, because
 * the tablet changed under it.
 *
 * @param id deterministic id: kind, tablet and epoch (one operator per tablet per epoch)
 * @param tabletId the tablet this operator changes
 * @param epoch the tablet epoch the steps were computed for
 * @param kind what the operator is for; fixes the priority
 * @param steps at least one step, executed in order
 * @param reason human-readable why, for logs and the admin view
 */
public record Operator(
    String id, long tabletId, long epoch, OperatorKind kind, List<Step> steps, String reason) {

  public Operator {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("operator " + id + " has no steps");
    }
  }

  /** An operator whose id is derived from kind, tablet and epoch. */
  public static Operator of(
      long tabletId, long epoch, OperatorKind kind, String reason, Step... steps) {
    return of(tabletId, epoch, kind, reason, List.of(steps));
  }

  /** An operator whose id is derived from kind, tablet and epoch. */
  public static Operator of(
      long tabletId, long epoch, OperatorKind kind, String reason, List<Step> steps) {
    String id = kind.name().toLowerCase(Locale.ROOT) + "/t" + tabletId + "@e" + epoch;
    return new Operator(id, tabletId, epoch, kind, steps, reason);
  }

  public Priority priority() {
    return kind.priority();
  }
}
