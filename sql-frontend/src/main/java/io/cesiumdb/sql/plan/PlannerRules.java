package io.cesiumdb.sql.plan;

import io.cesiumdb.sql.plan.rules.KeyRangeFilterRule;
import io.cesiumdb.sql.plan.rules.LimitIntoScanRule;
import io.cesiumdb.sql.plan.rules.ProjectIntoScanRule;
import io.cesiumdb.sql.plan.rules.TableModifyRule;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.interpreter.Bindables;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRules;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.volcano.AbstractConverter;
import org.apache.calcite.rel.rules.CoreRules;

/**
 * The planner's phases, in order (see {@link StatementPlanner}):
 *
 * <ol>
 *   <li>{@link #subQueries()} (Hep): sub-queries to correlates, then Calcite's decorrelator;
 *   <li>{@link #logical()} (Hep): always-good rewrites — constant folding (which also turns key
 *       comparisons and IN lists into {@code SEARCH}/{@code Sarg}), filters pushed into joins and
 *       below projects and aggregates, AVG and friends reduced to SUM/COUNT — then our pushdown
 *       into the scan, one rule at a time: key ranges first, then projections, then limits;
 *   <li>{@link #joinOrder()} (Hep), only for queries with at least {@link #MIN_JOINS_TO_REORDER}
 *       joins: the joins become one {@code MultiJoin} that Calcite's heuristic ({@code
 *       LoptOptimizeJoinRule}) expands into an order that joins along the join conditions, so
 *       {@code FROM a, b, c WHERE a.x = c.x AND c.y = b.y} never builds the cartesian {@code a × b}
 *       (sqllogictest's select5 has 20-table joins written in such an order). Smaller joins run in
 *       the order written;
 *   <li>{@link #physical} (Volcano): Calcite's enumerable operators (hash and merge joins,
 *       aggregates, sorts, set operations, values, windows) plus our {@code TableModify}. Volcano
 *       does not reorder joins;
 *   <li>{@link #calc()} (Hep): projections and filters into {@code EnumerableCalc}.
 * </ol>
 *
 * Hep phases are deterministic, so the scan a query gets does not depend on Volcano's costs.
 */
final class PlannerRules {
  /**
   * Joins in a query from which {@link #joinOrder()} runs. Below it the order written is kept: it
   * is cheap to run either way, and plans stay as predictable as the SQL.
   */
  static final int MIN_JOINS_TO_REORDER = 4;

  private PlannerRules() {}

  static HepProgram subQueries() {
    return HepProgram.builder()
        .addRuleCollection(
            List.of(
                CoreRules.FILTER_SUB_QUERY_TO_CORRELATE,
                CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE,
                CoreRules.JOIN_SUB_QUERY_TO_CORRELATE))
        .build();
  }

  static HepProgram logical() {
    return HepProgram.builder()
        .addRuleCollection(
            List.of(
                CoreRules.FILTER_REDUCE_EXPRESSIONS,
                CoreRules.FILTER_INTO_JOIN,
                CoreRules.JOIN_CONDITION_PUSH,
                CoreRules.FILTER_PROJECT_TRANSPOSE,
                CoreRules.FILTER_MERGE,
                CoreRules.FILTER_AGGREGATE_TRANSPOSE,
                CoreRules.FILTER_SET_OP_TRANSPOSE,
                CoreRules.PROJECT_MERGE,
                CoreRules.PROJECT_REMOVE,
                CoreRules.AGGREGATE_REDUCE_FUNCTIONS,
                CoreRules.AGGREGATE_EXPAND_DISTINCT_AGGREGATES_TO_JOIN,
                CoreRules.AGGREGATE_PROJECT_MERGE,
                CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW))
        .addRuleInstance(KeyRangeFilterRule.INSTANCE)
        .addRuleInstance(ProjectIntoScanRule.INSTANCE)
        .addRuleInstance(LimitIntoScanRule.INSTANCE)
        .build();
  }

  /**
   * Many-way joins into one {@code MultiJoin} (bottom-up, so every join of a tree joins it), then
   * that into a join tree in the heuristic's order. Its result has no {@code MultiJoin} left unless
   * the heuristic declined one; the planner then keeps the order written.
   */
  static HepProgram joinOrder() {
    return HepProgram.builder()
        .addMatchOrder(HepMatchOrder.BOTTOM_UP)
        .addRuleInstance(CoreRules.JOIN_TO_MULTI_JOIN)
        .addRuleInstance(CoreRules.MULTI_JOIN_OPTIMIZE)
        .build();
  }

  /**
   * After Volcano (Hep): {@code EnumerableProject} and {@code EnumerableFilter} cannot generate
   * code; they become (merged) {@code EnumerableCalc}s, as in Calcite's own {@code Programs.calc}.
   */
  static HepProgram calc() {
    List<RelOptRule> rules = new ArrayList<>(RelOptRules.CALC_RULES);
    rules.remove(Bindables.FROM_NONE_RULE);
    return HepProgram.builder().addRuleCollection(rules).build();
  }

  static List<RelOptRule> physical(boolean upsert) {
    List<RelOptRule> rules = new ArrayList<>(EnumerableRules.ENUMERABLE_RULES);
    rules.remove(EnumerableRules.ENUMERABLE_TABLE_MODIFICATION_RULE);
    rules.remove(EnumerableRules.ENUMERABLE_TABLE_SCAN_RULE);
    rules.remove(EnumerableRules.ENUMERABLE_TABLE_FUNCTION_SCAN_RULE);
    rules.add(EnumerableRules.ENUMERABLE_LIMIT_SORT_RULE);
    rules.add(CoreRules.SORT_REMOVE);
    rules.add(AbstractConverter.ExpandConversionRule.INSTANCE);
    rules.add(TableModifyRule.create(upsert));
    return rules;
  }
}
