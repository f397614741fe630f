package io.cesiumdb.pd.meta;

import io.cesiumdb.proto.placement.TabletEntry;

/**
 * Payload of a successful SplitTablet: the left half keeps the old tablet id and {@code [start,
 * splitKey)}, the right half is the new tablet {@code [splitKey, end)}; both carry the bumped epoch
 * and the old replicas.
 */
public record TabletSplit(TabletEntry left, TabletEntry right) {}
