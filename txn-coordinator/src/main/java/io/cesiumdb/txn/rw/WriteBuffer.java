package io.cesiumdb.txn.rw;

import com.google.protobuf.ByteString;
import io.cesiumdb.proto.tablet.Mutation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A transaction's buffered writes: the last write per (keyspace, key) wins, first-write order is
 * kept. Nothing reaches a tablet before commit, so buffered writes hold no locks. Not thread-safe
 * (owned by one {@link Transaction}).
 */
final class WriteBuffer {
  /** A key of one keyspace. */
  record Slot(long keyspace, ByteString key) {}

  private final Map<Slot, Mutation> writes = new LinkedHashMap<>();

  void put(long keyspace, ByteString key, ByteString value) {
    writes.put(new Slot(keyspace, key), Mutation.newBuilder().setKey(key).setPut(value).build());
  }

  void delete(long keyspace, ByteString key) {
    writes.put(new Slot(keyspace, key), Mutation.newBuilder().setKey(key).setDelete(true).build());
  }

  boolean isEmpty() {
    return writes.isEmpty();
  }

  int size() {
    return writes.size();
  }

  /** The buffered mutations of one keyspace, first-write order. */
  Map<Slot, Mutation> entries() {
    return writes;
  }

  List<Mutation> mutations() {
    return new ArrayList<>(writes.values());
  }
}
