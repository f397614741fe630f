/**
 * Architecture rules enforced as tests: truetime stays on the JDK alone, wall-clock reads stay
 * inside truetime, lower layers never import upper ones, and the JDBC driver sees only wire
 * formats. They run over the production classes of every module.
 */
package io.cesiumdb.tests.arch;
