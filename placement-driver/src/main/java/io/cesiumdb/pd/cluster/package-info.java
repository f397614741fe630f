/**
 * The cluster as the placement driver sees it: {@link io.cesiumdb.pd.cluster.ClusterView}, an
 * immutable snapshot of {@link io.cesiumdb.pd.cluster.NodeInfo}s, {@link
 * io.cesiumdb.pd.cluster.TabletInfo}s, pending-operator tablet ids and lost replicas ({@link
 * io.cesiumdb.pd.cluster.ReplicaRef}s the controller judged gone); {@link
 * io.cesiumdb.pd.cluster.ReplicaReports} compares what UP nodes report hosting with the directory
 * (missing and orphan replicas); {@link io.cesiumdb.pd.cluster.LivenessPolicy} turns heartbeat ages
 * into {@link io.cesiumdb.pd.cluster.NodeState}s; {@link
 * io.cesiumdb.pd.cluster.TabletDescriptorMapper} converts to and from the wire {@code
 * TabletDescriptor}.
 *
 * <p>Neighbours: read by {@code placement}, {@code checker}, {@code scheduler}; rewritten by {@code
 * operator.OperatorSimulator}.
 *
 * <p>Invariants: views never change after construction (the {@code with*} methods return new
 * views); iteration is sorted by id; per-node tablet and leader counts are derived from the
 * tablets, never stored twice; a tablet's replicas are distinct and its leader, if known, is one of
 * them; a node the view does not know counts as DOWN; nothing here reads a clock — how long a
 * replica has been missing is tracked by the controller, the view only carries its verdict.
 */
package io.cesiumdb.pd.cluster;
