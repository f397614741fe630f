package io.cesiumdb.tests.sql.dbeaver.replay;

/**
 * One named step of the replay: the parent IT looks for {@code OK step <name>} in the output.
 *
 * @param name stable name, prefixed with the section letter of dbeaver-jdbc-calls.md
 * @param body the calls and their checks; throws on failure
 */
record Step(String name, Check.SqlAction body) {}
