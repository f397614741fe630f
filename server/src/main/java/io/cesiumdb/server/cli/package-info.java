/**
 * The subcommands of the {@code cesium} binary, parsed with picocli: {@code version}, {@code demo},
 * {@code start} (one node; {@code --pd-peer}, {@code --join}) and {@code status} (the admin view);
 * later {@code sql} and {@code workload}.
 *
 * <p>Neighbours: {@link io.cesiumdb.server.Main} registers them; each command only parses options
 * and calls into {@code io.cesiumdb.server.node}, {@code io.cesiumdb.server.demo} or {@code
 * io.cesiumdb.server.admin}. Invariant: commands write to picocli's configured writers, never
 * straight to {@code System.out}, so tests can capture them; an unreachable cluster is a one-line
 * message and exit 1, never a stack trace.
 */
package io.cesiumdb.server.cli;
