/**
 * The cluster as the placement driver sees it: {@link io.cesiumdb.pd.cluster.ClusterView}, an
 * immutable snapshot of {@link io.cesiumdb.pd.cluster.NodeInfo}s, {@link
 * io.cesiumdb.pd.cluster.TabletInfo}s and pending-operator tablet ids; {@link
 * io.cesiumdb.pd.cluster.LivenessPolicy} turns heartbeat ages into {@link
 * io.cesiumdb.pd.cluster.NodeState}s; {@link io.cesiumdb.pd.cluster.TabletDescriptorMapper}
 * converts to and from the wire {@code TabletDescriptor}.
 *
 * <p>Neighbours: read by {@code placement}, {@code checker}, {@code scheduler}; rewritten by {@code
 * operator.OperatorSimulator}.
 *
 * <p>Invariants: views never change after construction (the {@code with*} methods return new
 * views); iteration is sorted by id; per-node tablet and leader counts are derived from the
 * tablets, never stored twice; a tablet's replicas are distinct and its leader, if known, is one of
 * them; a node the view does not know counts as DOWN.
 */
package io.cesiumdb.pd.cluster;
