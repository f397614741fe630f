package io.cesiumdb.sql.plan;

import com.google.common.collect.BoundType;
import com.google.common.collect.Range;
import io.cesiumdb.proto.placement.ColumnDef;
import io.cesiumdb.sql.codec.KeyCodec;
import io.cesiumdb.sql.exec.KeyInterval;
import io.cesiumdb.sql.exec.KeyInterval.Bound;
import io.cesiumdb.sql.exec.KeyScan;
import io.cesiumdb.sql.exec.Operand;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.Sarg;

/**
 * Splits a filter over a {@link CesiumTableScan} into a {@link KeyScan} and a residual condition.
 * Walks the primary key in order: while a key column has an equality ({@code k = v}) or an IN list
 * ({@code SEARCH(k, Sarg[points])}, or {@code k = ?0 OR k = ?1} with parameters), the key prefix
 * grows (IN lists multiply the intervals, up to {@link #MAX_INTERVALS}); the first column without
 * one may take a range ({@code <, <=, >, >=}, or a {@code Sarg} of ranges); the walk stops there.
 * Conjuncts it uses are exact and leave the filter; every other conjunct stays in the residual. A
 * filter on a non-prefix column keeps the full scan.
 */
public final class KeyPredicates {
  static final int MAX_INTERVALS = 256;

  private static final Set<SqlKind> RANGE_KINDS =
      EnumSet.of(
          SqlKind.LESS_THAN,
          SqlKind.LESS_THAN_OR_EQUAL,
          SqlKind.GREATER_THAN,
          SqlKind.GREATER_THAN_OR_EQUAL);

  /** The key scan and what is left of the filter (null when nothing is left). */
  public record Split(KeyScan keyScan, RexNode residual) {}

  private final CesiumTableScan scan;
  private final List<RexNode> conjuncts;
  private final boolean[] used;

  private KeyPredicates(CesiumTableScan scan, RexNode condition) {
    this.scan = scan;
    this.conjuncts = RelOptUtil.conjunctions(condition);
    this.used = new boolean[conjuncts.size()];
  }

  /** The split of {@code condition}, or null when no conjunct restricts the key. */
  public static Split split(CesiumTableScan scan, RexNode condition, RexBuilder rex) {
    KeyPredicates p = new KeyPredicates(scan, condition);
    List<KeyInterval> intervals = p.walk();
    if (intervals == null) {
      return null;
    }
    List<RexNode> rest = new ArrayList<>();
    for (int i = 0; i < p.conjuncts.size(); i++) {
      if (!p.used[i]) {
        rest.add(p.conjuncts.get(i));
      }
    }
    return new Split(new KeyScan(intervals), RexUtil.composeConjunction(rex, rest, true));
  }

  private List<KeyInterval> walk() {
    List<ColumnDef> keyColumns = KeyCodec.of(scan.cesiumTable().tableDef()).columns();
    int[] keyIndexes = scan.cesiumTable().primaryKeyIndexes();
    List<List<Operand>> prefixes = List.of(List.of());
    List<Bound[]> ranges = null;
    for (int k = 0; k < keyColumns.size(); k++) {
      int field = field(keyIndexes[k]);
      if (field < 0) {
        break;
      }
      List<Operand> points = points(field, keyColumns.get(k), prefixes.size());
      if (points != null) {
        prefixes = cross(prefixes, points);
        continue;
      }
      ranges = ranges(field, keyColumns.get(k), prefixes.size());
      break;
    }
    if (!anyUsed()) {
      return null;
    }
    List<KeyInterval> out = new ArrayList<>();
    for (List<Operand> prefix : prefixes) {
      if (ranges == null) {
        out.add(KeyInterval.point(prefix));
      } else {
        for (Bound[] r : ranges) {
          out.add(new KeyInterval(prefix, r[0], r[1]));
        }
      }
    }
    return out;
  }

  /** An equality or IN list on {@code field}: its operands (marks the conjunct used), or null. */
  private List<Operand> points(int field, ColumnDef column, int fanOut) {
    for (int i = 0; i < conjuncts.size(); i++) {
      if (used[i] || !(conjuncts.get(i) instanceof RexCall call)) {
        continue;
      }
      List<Operand> ops = null;
      if (call.getKind() == SqlKind.EQUALS) {
        Operand o = comparedTo(call, field, column);
        ops = o == null ? null : List.of(o);
      } else if (call.getKind() == SqlKind.SEARCH && isRef(call.operands.get(0), field)) {
        ops = sargPoints(call, column);
      } else if (call.getKind() == SqlKind.OR) {
        ops = orOfEqualities(call, field, column);
      }
      if (ops != null && ops.size() * fanOut <= MAX_INTERVALS) {
        used[i] = true;
        return ops;
      }
    }
    return null;
  }

  /** Bounds on {@code field}: one {lower, upper} pair, or one per Sarg range; null if none. */
  private List<Bound[]> ranges(int field, ColumnDef column, int fanOut) {
    for (int i = 0; i < conjuncts.size(); i++) {
      if (!used[i]
          && conjuncts.get(i) instanceof RexCall call
          && call.getKind() == SqlKind.SEARCH
          && isRef(call.operands.get(0), field)) {
        List<Bound[]> r = sargRanges(call, column);
        if (r != null && r.size() * fanOut <= MAX_INTERVALS) {
          used[i] = true;
          return r;
        }
      }
    }
    Bound lower = null;
    Bound upper = null;
    for (int i = 0; i < conjuncts.size(); i++) {
      if (used[i] || !(conjuncts.get(i) instanceof RexCall call)) {
        continue;
      }
      SqlKind kind = comparisonKind(call, field);
      Operand o = comparedTo(call, field, column);
      if (o == null || kind == null) {
        continue;
      }
      boolean inclusive =
          kind == SqlKind.GREATER_THAN_OR_EQUAL || kind == SqlKind.LESS_THAN_OR_EQUAL;
      boolean isLower = kind == SqlKind.GREATER_THAN || kind == SqlKind.GREATER_THAN_OR_EQUAL;
      if (isLower && lower == null) {
        lower = new Bound(o, inclusive);
        used[i] = true;
      } else if (!isLower && upper == null) {
        upper = new Bound(o, inclusive);
        used[i] = true;
      }
    }
    return lower == null && upper == null ? null : List.<Bound[]>of(new Bound[] {lower, upper});
  }

  /** The kind of {@code call} as seen from {@code field}: {@code 5 < k} is {@code k > 5}. */
  private static SqlKind comparisonKind(RexCall call, int field) {
    SqlKind kind = call.getKind();
    if (!RANGE_KINDS.contains(kind) || call.operands.size() != 2) {
      return null;
    }
    if (isRef(call.operands.get(0), field)) {
      return kind;
    }
    return isRef(call.operands.get(1), field) ? kind.reverse() : null;
  }

  /** The operand {@code field} is compared with in a binary comparison, or null. */
  private static Operand comparedTo(RexCall call, int field, ColumnDef column) {
    if (call.operands.size() != 2) {
      return null;
    }
    if (isRef(call.operands.get(0), field)) {
      return KeyConstants.operand(call.operands.get(1), column);
    }
    if (isRef(call.operands.get(1), field)) {
      return KeyConstants.operand(call.operands.get(0), column);
    }
    return null;
  }

  /** {@code k = ?0 OR k = ?1 …} (an IN list with parameters is not a Sarg): its operands. */
  private static List<Operand> orOfEqualities(RexCall or, int field, ColumnDef column) {
    List<Operand> out = new ArrayList<>();
    for (RexNode disjunct : or.operands) {
      if (!(disjunct instanceof RexCall eq) || eq.getKind() != SqlKind.EQUALS) {
        return null;
      }
      Operand o = comparedTo(eq, field, column);
      if (o == null) {
        return null;
      }
      out.add(o);
    }
    return out;
  }

  private static List<Operand> sargPoints(RexCall search, ColumnDef column) {
    Sarg<?> sarg = ((RexLiteral) search.operands.get(1)).getValueAs(Sarg.class);
    if (sarg == null || !sarg.isPoints()) {
      return null;
    }
    List<Operand> out = new ArrayList<>();
    for (Range<?> r : sarg.rangeSet.asRanges()) {
      Object v = KeyConstants.engineValue(r.lowerEndpoint(), column);
      if (v == null) {
        return null;
      }
      out.add(new Operand.Constant(v));
    }
    return out;
  }

  private static List<Bound[]> sargRanges(RexCall search, ColumnDef column) {
    Sarg<?> sarg = ((RexLiteral) search.operands.get(1)).getValueAs(Sarg.class);
    if (sarg == null) {
      return null;
    }
    List<Bound[]> out = new ArrayList<>();
    for (Range<?> r : sarg.rangeSet.asRanges()) {
      Bound lower = null;
      Bound upper = null;
      if (r.hasLowerBound()) {
        lower = bound(r.lowerEndpoint(), r.lowerBoundType(), column);
        if (lower == null) {
          return null;
        }
      }
      if (r.hasUpperBound()) {
        upper = bound(r.upperEndpoint(), r.upperBoundType(), column);
        if (upper == null) {
          return null;
        }
      }
      out.add(new Bound[] {lower, upper});
    }
    return out;
  }

  private static Bound bound(Comparable<?> value, BoundType type, ColumnDef column) {
    Object v = KeyConstants.engineValue(value, column);
    return v == null ? null : new Bound(new Operand.Constant(v), type == BoundType.CLOSED);
  }

  private static List<List<Operand>> cross(List<List<Operand>> prefixes, List<Operand> next) {
    List<List<Operand>> out = new ArrayList<>();
    for (List<Operand> p : prefixes) {
      for (Operand o : next) {
        List<Operand> longer = new ArrayList<>(p);
        longer.add(o);
        out.add(longer);
      }
    }
    return out;
  }

  /** The output field of the scan that holds table column {@code column}; -1 if projected out. */
  private int field(int column) {
    for (int f = 0; f < scan.getRowType().getFieldCount(); f++) {
      if (scan.tableColumn(f) == column) {
        return f;
      }
    }
    return -1;
  }

  private static boolean isRef(RexNode node, int field) {
    return node instanceof RexInputRef ref && ref.getIndex() == field;
  }

  private boolean anyUsed() {
    for (boolean u : used) {
      if (u) {
        return true;
      }
    }
    return false;
  }
}
