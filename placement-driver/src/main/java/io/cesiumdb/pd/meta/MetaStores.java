package io.cesiumdb.pd.meta;

/** The three mutable parts of the state that handlers change. */
record MetaStores(NodeRegistry nodes, Catalog catalog, TabletDirectory directory) {}
