/**
 * The SQL shell behind {@code cesium sql}: {@link io.cesiumdb.server.sql.StatementSplitter} cuts
 * input at semicolons outside literals and comments, {@link io.cesiumdb.server.sql.StatementRunner}
 * runs one statement on a JDBC connection (the project's own driver in production) and {@link
 * io.cesiumdb.server.sql.ResultPrinter} prints it; {@link io.cesiumdb.server.sql.SqlShell} is the
 * interactive loop, {@link io.cesiumdb.server.sql.ScriptRunner} the {@code -f} runner.
 *
 * <p>Neighbours: only {@code java.sql} and JLine; nothing here knows a server class, so the shell
 * speaks to a cluster exactly as any JDBC client does.
 *
 * <p>Invariants: a statement's reported line is the script line of its first non-comment character;
 * a script stops at the first failing statement unless told to continue; nothing is run twice.
 */
package io.cesiumdb.server.sql;
