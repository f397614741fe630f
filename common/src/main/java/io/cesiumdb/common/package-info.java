/**
 * Pieces that every server module shares and that belong to no single layer. Today: the error
 * registry in {@code io.cesiumdb.common.error}. JDK only; depends on no other module of ours.
 */
package io.cesiumdb.common;
