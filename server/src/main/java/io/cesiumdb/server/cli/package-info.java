/**
 * The subcommands of the {@code cesium} binary, parsed with picocli: {@code version}, {@code demo};
 * later {@code start}, {@code sql}, {@code status} and {@code workload}.
 *
 * <p>Neighbours: {@link io.cesiumdb.server.Main} registers them; each command only parses options
 * and calls into {@code io.cesiumdb.server.node} or {@code io.cesiumdb.server.demo}. Invariant:
 * commands write to picocli's configured writers, never straight to {@code System.out}, so tests
 * can capture them.
 */
package io.cesiumdb.server.cli;
