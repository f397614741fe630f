package io.cesiumdb.server.sql;

/**
 * One statement of a script or of the shell's input, without its terminating semicolon.
 *
 * @param sql the statement's text, trimmed
 * @param line the 1-based line of the script on which the statement starts (its first non-blank,
 *     non-comment character), so errors name the line a user sees in their editor
 */
public record ScriptStatement(String sql, int line) {}
