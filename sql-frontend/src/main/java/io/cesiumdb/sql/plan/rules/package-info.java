/**
 * Our planner rules, one per file, each with a hand-written {@code RelRule.Config} ({@code
 * RuleConfig}; the Immutables processor Calcite uses is not in this build).
 *
 * <p>Pushdown into {@link io.cesiumdb.sql.plan.CesiumTableScan}, applied in this order by the Hep
 * phase of {@code PlannerRules}: {@link io.cesiumdb.sql.plan.rules.KeyRangeFilterRule} (key-prefix
 * predicates to point lookups / ranges), {@link io.cesiumdb.sql.plan.rules.ProjectIntoScanRule}
 * (only the columns used), {@link io.cesiumdb.sql.plan.rules.LimitIntoScanRule} (stop after offset
 * + fetch rows when the order is the key order). {@link io.cesiumdb.sql.plan.rules.TableModifyRule}
 * is the Volcano rule that makes {@code CesiumTableModify} from Calcite's logical TableModify.
 *
 * <p>Invariant: each rule only fires where its result is exactly equivalent (filters never go below
 * a limit; a limit only goes into a scan whose order is the requested one) and never re-fires on
 * its own output.
 */
package io.cesiumdb.sql.plan.rules;
