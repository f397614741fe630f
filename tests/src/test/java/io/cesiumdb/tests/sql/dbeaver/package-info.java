/**
 * DBeaver's JDBC session replayed against a real 3-node cluster through the shaded driver jar, in a
 * child JVM with nothing else on its class path ({@code DbeaverReplayIT}, {@link
 * io.cesiumdb.tests.sql.dbeaver.ReplayJvm}); the replay itself lives in {@code replay}.
 *
 * <p>Neighbours: the same sequence runs in-process against the engine in sql-frontend's {@code
 * DbeaverSessionTest}; the cluster is started as in {@code
 * io.cesiumdb.tests.sql.JdbcOverClusterIT}.
 */
package io.cesiumdb.tests.sql.dbeaver;
