/**
 * Hand-written pieces of the wire format that are not messages: request headers shared by every
 * node-to-node call. The rest of {@code io.cesiumdb.proto} is generated from {@code .proto} files.
 */
package io.cesiumdb.proto.rpc;
