package io.cesiumdb.pd.meta;

/** The mutable parts of the state that handlers change. */
record MetaStores(NodeRegistry nodes, Catalog catalog, TabletDirectory directory, Users users) {}
