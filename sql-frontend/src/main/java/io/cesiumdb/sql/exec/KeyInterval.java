package io.cesiumdb.sql.exec;

import java.util.ArrayList;
import java.util.List;

/**
 * One piece of a key predicate: the first {@code equals.size()} key columns equal the operands, and
 * the next key column lies between {@code lower} and {@code upper} (either may be null: unbounded).
 * When every key column has an equality it is a point lookup. Immutable.
 */
public record KeyInterval(List<Operand> equals, Bound lower, Bound upper) {
  public KeyInterval {
    equals = List.copyOf(equals);
  }

  /** A bound on the key column after the equalities. */
  public record Bound(Operand value, boolean inclusive) {}

  public static KeyInterval point(List<Operand> equals) {
    return new KeyInterval(equals, null, null);
  }

  /** True when this interval fixes all {@code keyColumns} key columns. */
  public boolean isPoint(int keyColumns) {
    return equals.size() == keyColumns;
  }

  /** For EXPLAIN, e.g. {@code K1 = 5, K2 >= ?0, K2 < 10}. */
  public String describe(List<String> keyNames) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < equals.size(); i++) {
      parts.add(keyNames.get(i) + " = " + equals.get(i).describe());
    }
    String next = equals.size() < keyNames.size() ? keyNames.get(equals.size()) : "?";
    if (lower != null) {
      parts.add(next + (lower.inclusive() ? " >= " : " > ") + lower.value().describe());
    }
    if (upper != null) {
      parts.add(next + (upper.inclusive() ? " <= " : " < ") + upper.value().describe());
    }
    return parts.isEmpty() ? "all" : String.join(", ", parts);
  }
}
