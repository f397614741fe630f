/**
 * SQL conformance: SQLite's sqllogictest corpus (shipped in the {@code
 * net.hydromatic:sql-logic-test} jar) run through our JDBC driver against a 3-node cluster.
 *
 * <p>Role: {@link io.cesiumdb.tests.slt.SqlLogicTestIT} runs a stable slice in CI against {@code
 * src/test/resources/slt/known-failures.tsv}; {@link io.cesiumdb.tests.slt.SltRunner} ({@code
 * bin/slt}) runs whole suites and writes the report behind docs/conformance.md.
 *
 * <p>Neighbours: the library parses the files and checks results ({@code JdbcExecutor.validate}:
 * SLT's value formatting, sort modes, MD5 hashes); {@code io.cesiumdb.server.demo.LocalCluster} is
 * the cluster (in this JVM for the IT, in a child JVM for {@code bin/slt}, which kills and restarts
 * it after a runaway query: the engine has no statement timeout).
 *
 * <p>Invariants: the harness never changes what a query sees. CesiumDB needs a primary key on every
 * table and sqllogictest's tables often have none, so {@link io.cesiumdb.tests.slt.KeyPlanner}
 * reads the whole file first and keys such a table by a column that every insert fills with a
 * distinct non-NULL literal (no result changes), or else by an extra harness-numbered column that
 * only {@code SELECT *} could see; queries are sent exactly as written. Query ids ({@code file#n})
 * are stable for one corpus version. Every known failure names a {@link
 * io.cesiumdb.tests.slt.FailureCause} and a {@link io.cesiumdb.tests.slt.FailureKind}.
 */
package io.cesiumdb.tests.slt;
