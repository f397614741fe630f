/**
 * Placement of new tablets: {@link io.cesiumdb.pd.placement.Placement} picks each tablet's replica
 * nodes and preferred-leader order from a view.
 *
 * <p>Neighbours: table creation in the metadata service (next step) calls it and writes the result
 * to the tablet directory; it reads {@code cluster} only.
 *
 * <p>Invariants: replicas of one tablet are distinct UP nodes; tablet counts over UP nodes stay
 * within one of each other when they start so; the result is deterministic (ties by node id); with
 * fewer UP nodes than replicas it fails with {@code UNAVAILABLE} rather than under-replicate.
 */
package io.cesiumdb.pd.placement;
