/**
 * The {@code cesium} binary and the only composition root: it wires TrueTime, the node RPC, and (as
 * later issues land) the tablet server, placement driver, transaction coordinator and SQL front end
 * into a node.
 *
 * <p>Neighbours: everything; nothing depends on this module except {@code tests}. Invariant: no
 * other module imports {@code io.cesiumdb.server}.
 */
package io.cesiumdb.server;
