/**
 * SQL text to Calcite {@code SqlNode}s: CesiumDB's parser and its configuration.
 *
 * <p><b>Role.</b> {@link io.cesiumdb.sql.parser.CesiumParser} is the only way SQL text enters the
 * front end. The parser class itself, {@code io.cesiumdb.sql.parser.impl.CesiumSqlParserImpl}, is
 * generated at build time: FMPP expands calcite-core's {@code codegen/templates/Parser.jj} with
 * {@code src/main/codegen/config.fmpp} and our DDL productions in {@code
 * src/main/codegen/includes/parserImpls.ftl}, then JavaCC compiles it (the route Flink and Ignite 3
 * take). The result parses every query and DML statement Calcite does, plus {@code CREATE SCHEMA},
 * {@code CREATE TABLE} (column-level or table-level {@code PRIMARY KEY}, {@code NOT NULL}, {@code
 * DEFAULT}, optional {@code SPLIT AT ((v, …), …)}), {@code DROP TABLE [IF EXISTS]}, {@code ALTER
 * TABLE t SPLIT AT (v, …)} and transaction control ({@link
 * io.cesiumdb.sql.parser.CesiumSqlTransaction}: BEGIN, START TRANSACTION, COMMIT, ROLLBACK, SET
 * TRANSACTION READ ONLY | READ WRITE) and {@code SHOW name} ({@link
 * io.cesiumdb.sql.parser.CesiumSqlShow}, Calcite's own SHOW token).
 *
 * <p><b>Neighbours.</b> {@code io.cesiumdb.sql.ddl} turns the DDL nodes into catalog commands; the
 * session executes transaction control and SHOW; the planner uses {@link
 * io.cesiumdb.sql.parser.CesiumParser#CONFIG}'s conformance.
 *
 * <p><b>Invariants.</b> The grammar only recognises; every semantic check (known types, one primary
 * key, split values that fit the key) lives in {@code io.cesiumdb.sql.ddl}, so the grammar stays a
 * thin layer that is easy to move to a new Calcite release. Every syntax error is a {@link
 * io.cesiumdb.sql.parser.SqlSyntaxException} carrying line and column.
 *
 * <p><b>Rejected: a pre-parse step</b> in front of calcite-server's {@code SqlDdlParserImpl} (cut
 * {@code SPLIT AT …} and column-level {@code PRIMARY KEY} out of the text, parse the rest,
 * re-attach). It needs a hand-written tokenizer that agrees with Calcite's on strings, quoted
 * identifiers and comments, shifts error positions, and would have to grow again for {@code
 * BEGIN}/{@code SET TRANSACTION}. It also ties us to calcite-server 1.41.0 against core 1.42.0,
 * whose DDL node operand lists changed in between (CALCITE-7301); the generated parser uses core's
 * own templates and nodes.
 */
package io.cesiumdb.sql.parser;
