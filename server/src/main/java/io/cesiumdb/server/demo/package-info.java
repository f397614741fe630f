/**
 * The demo cluster: several nodes in one JVM, each with a simulated TrueTime and a real loopback
 * RPC port, and a terminal report of their clocks.
 *
 * <p>Neighbours: {@code io.cesiumdb.server.cli.DemoCommand} runs it for people; the {@code tests}
 * module starts it for integration tests. Invariant: demo clocks start honest (every offset within
 * ε); only an explicit fault (the {@code skew} command, a test) makes one lie.
 */
package io.cesiumdb.server.demo;
