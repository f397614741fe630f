package io.cesiumdb.pd;

import io.cesiumdb.pd.operator.Operator;
import java.util.List;

/**
 * The outcome of one {@link SchedulingRound}: operators in execution order (repairs first, at most
 * one per tablet) and the problems checkers saw but could not repair.
 */
public record RoundResult(List<Operator> operators, List<String> unresolved) {

  public RoundResult {
    operators = List.copyOf(operators);
    unresolved = List.copyOf(unresolved);
  }
}
