/**
 * Errors as data: the registry of stable error codes ({@link io.cesiumdb.common.error.ErrorCode},
 * grouped by {@link io.cesiumdb.common.error.ErrorGroup}), the one exception family ({@link
 * io.cesiumdb.common.error.CesiumException}) and the retry hints that routing and transaction
 * errors carry ({@link io.cesiumdb.common.error.RetryHint}).
 *
 * <p>Neighbours: every server module throws these; each module's {@code rpc} package maps them to
 * and from the wire; the SQL front end turns {@code sqlState()} into the {@code SQLException} the
 * JDBC driver raises. {@code io.cesiumdb.truetime} sits below this package (it is JDK-only) and has
 * its own {@code ClockFencedException}, which the node translates to {@code CLK-1}.
 *
 * <p>Invariants: a code's id ({@code GROUP-number}), SQLSTATE and retryability never change once
 * released and numbers are never reused (checked against a golden file); only the CONNECTION group
 * uses SQLSTATE class 08, because JDBC tools treat 08 as "the connection is gone"; every code
 * mapped to 40001 is retryable.
 */
package io.cesiumdb.common.error;
