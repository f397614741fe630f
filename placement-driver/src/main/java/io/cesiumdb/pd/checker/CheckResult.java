package io.cesiumdb.pd.checker;

import io.cesiumdb.pd.operator.Operator;
import java.util.List;

/**
 * What a checker found: the operators it proposes and, for each problem it saw but could not
 * repair, a sentence saying why (for logs and the admin view).
 */
public record CheckResult(List<Operator> operators, List<String> unresolved) {

  public CheckResult {
    operators = List.copyOf(operators);
    unresolved = List.copyOf(unresolved);
  }
}
