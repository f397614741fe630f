/**
 * The DBeaver replay program: a {@code main} that runs, through {@code java.sql} alone, the calls
 * DBeaver makes with a Generic JDBC driver (shared/design/dbeaver-jdbc-calls.md, sections a–g),
 * step by step, and prints one line per step ({@code OK step <name>} or {@code FAIL step <name>:
 * <reason>}).
 *
 * <p>Role: the child side of {@code DbeaverReplayIT}, which runs it in a separate JVM whose class
 * path is exactly the shaded driver jar plus the compiled classes of this package.
 *
 * <p>Invariants: classes here import {@code java.*} only (no JUnit, no SLF4J, no project classes),
 * or the child could not load them; standard output is the protocol to the parent, which is why
 * this package prints instead of logging. The process exits 0 only when every step passed.
 */
package io.cesiumdb.tests.sql.dbeaver.replay;
