/**
 * Sessions: statements in, results out, transactions in between.
 *
 * <p><b>Role.</b> {@link io.cesiumdb.sql.session.SqlEngine} is the node-wide front end (catalog,
 * {@code DdlExecutor}, {@code KvStore}, planner, {@code PlanCache}); {@link
 * io.cesiumdb.sql.session.SqlSession} is one connection: {@code execute(sql[, params])}, {@code
 * prepare(sql)} → {@link io.cesiumdb.sql.session.PreparedSql}, autocommit, read-only mode, BEGIN /
 * START TRANSACTION / COMMIT / ROLLBACK / SET TRANSACTION ({@link
 * io.cesiumdb.sql.session.TransactionState}), SHOW COMMIT_TIMESTAMP / READ_TIMESTAMP ({@link
 * io.cesiumdb.sql.session.SessionTimestamps}). Results are {@link
 * io.cesiumdb.sql.session.SqlResult}s of engine values with {@link
 * io.cesiumdb.sql.session.ResultColumn} metadata.
 *
 * <p><b>Request flow.</b> {@code execute(sql)}: plan cache by text → hit: bind parameters ({@code
 * ParameterBinder}), run; miss: parse → transaction control | SHOW | DDL (to the executor, at once)
 * | query/DML (plan, cache, run). Running: inside a transaction block on the block's {@code KvTxn}
 * (begun lazily); in autocommit, queries on a fresh read-only snapshot, DML on a fresh read-write
 * transaction committed at once and retried on 40001.
 *
 * <p><b>Neighbours.</b> The JDBC / Avatica layer ({@code io.cesiumdb.sql.meta}) maps connections to
 * sessions and converts engine values ({@code EngineValues}) to JDBC types; {@code
 * io.cesiumdb.sql.plan} plans; {@code io.cesiumdb.sql.exec} runs.
 *
 * <p><b>Invariants.</b> A session is used by one thread at a time; the engine and its cache are
 * thread-safe. A failed statement leaves no writes; a transaction killed by a 40001 error refuses
 * every statement until ROLLBACK (or COMMIT, which reports the failure), so a client never keeps
 * working in a transaction that is gone. DDL is not transactional: it runs at once, even inside a
 * transaction block, which it leaves open.
 */
package io.cesiumdb.sql.session;
