package io.cesiumdb.tablet.txn;

import com.google.protobuf.ByteString;
import io.cesiumdb.proto.tablet.Mutation;
import io.cesiumdb.proto.tablet.PrepareTxn;
import java.util.Arrays;
import java.util.List;

/**
 * The keys a commit or prepare locks EXCLUSIVE: the distinct mutated keys in unsigned byte order,
 * so every transaction asks for its locks in the same order.
 */
public final class PreparedKeys {
  private PreparedKeys() {}

  public static List<byte[]> sorted(List<Mutation> mutations) {
    return mutations.stream()
        .map(Mutation::getKey)
        .distinct()
        .map(ByteString::toByteArray)
        .sorted(Arrays::compareUnsigned)
        .toList();
  }

  static List<byte[]> sorted(PrepareTxn prepared) {
    return sorted(prepared.getMutationsList());
  }
}
