/**
 * Local network helpers shared by the demo cluster and the test clusters: {@link
 * io.cesiumdb.common.net.PortAllocator} hands out listening ports that are chosen before the
 * servers bind them.
 *
 * <p>Invariants: a port is handed out at most once per JVM; every port handed out lies outside the
 * kernel's ephemeral range, so no outgoing connection can take it between the pick and the bind.
 */
package io.cesiumdb.common.net;
