package io.cesiumdb.tablet.replication;

/**
 * An acknowledged write: committed by a majority (each fsynced its log) and applied at the leader.
 *
 * @param commitTs the timestamp the leader assigned; the write's versions carry it
 * @param logIndex the Raft log index of the entry that carried the write
 */
public record WriteResult(long commitTs, long logIndex) {}
