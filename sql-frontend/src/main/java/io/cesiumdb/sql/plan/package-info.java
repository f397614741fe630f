/**
 * The planner: validated SQL to compiled, cacheable physical plans.
 *
 * <p><b>Role.</b> {@link io.cesiumdb.sql.plan.StatementPlanner} validates a query or DML statement
 * against the catalog ({@link io.cesiumdb.sql.plan.CesiumValidator}, UTF-8 strings via {@code
 * CesiumTypeFactory}), converts it to relational algebra, runs the phases of {@link
 * io.cesiumdb.sql.plan.PlannerRules} (sub-queries, logical rewrites and our pushdown rules in Hep;
 * physical choice in Volcano; calcs) and compiles the result once with Calcite's enumerable code
 * generator into a {@link io.cesiumdb.sql.plan.CompiledPlan}. Our own operators: {@link
 * io.cesiumdb.sql.plan.CesiumTableScan} (the table scan, narrowed to point lookups / key ranges by
 * {@link io.cesiumdb.sql.plan.KeyPredicates}, projected and limited) and {@link
 * io.cesiumdb.sql.plan.CesiumTableModify}. Both generate a single call to an operator object in
 * {@code io.cesiumdb.sql.exec} that the plan stashes, so running a plan again generates nothing.
 *
 * <p><b>Neighbours.</b> {@code catalog} ({@code CesiumTable} is a {@code TranslatableTable} whose
 * {@code toRel} makes the scan, hence the package cycle catalog ↔ plan), {@code exec} (operators),
 * {@code session} (plan cache and execution), {@code parser} (configuration).
 *
 * <p><b>Invariants.</b> A plan depends on the catalog version it was built against (the cache key
 * includes it). Key bounds are exact (see {@code KeyConstants}); everything not pushed into the
 * scan stays in a filter above it, so pushdown can only remove work, never change results. Values
 * an INSERT or UPDATE stores are never CAST to the column type by Calcite ({@link
 * io.cesiumdb.sql.plan.StoreAssignmentCoercion}, and {@code ?}s are typed unbounded): CAST
 * truncates strings, store assignment must fail instead ({@code ModifyOperator} applies it). No
 * plan holds a numeric literal outside the type it is generated as ({@link
 * io.cesiumdb.sql.plan.LiteralRangeCheck}), and integer arithmetic is checked (Calcite's {@code
 * ConvertToChecked}): overflow is 22003, never a wrapped value (aggregates excepted, README).
 *
 * <p><b>Rejected.</b> {@code FilterableTable} / {@code ProjectableFilterableTable}: Calcite runs
 * them through the interpreter, which compiles the filter with Janino on every execution (4–41 ms
 * per point query, ../shared/design/dependencies.md §3.1). A custom convention with a converter to
 * enumerable (Cassandra's shape): our scan is enumerable itself, so Volcano has nothing to choose
 * and the pushdown is done deterministically in Hep. Calcite's {@code EnumerableTableModify}:
 * INSERT and an identity-based DELETE only (§3.2). MERGE: not supported ({@code
 * FEATURE_NOT_SUPPORTED}); use {@code UPSERT INTO}.
 */
package io.cesiumdb.sql.plan;
