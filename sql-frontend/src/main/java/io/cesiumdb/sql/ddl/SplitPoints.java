package io.cesiumdb.sql.ddl;

import com.google.protobuf.ByteString;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.placement.ColumnDef;
import io.cesiumdb.sql.codec.KeyCodec;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

/**
 * Split points from SQL to encoded keys. A point {@code (v1, …, vk)} gives values for the first k
 * primary-key columns (1 ≤ k ≤ key size); its key is {@code KeyCodec.encodePrefix}, so every row
 * whose key starts with those values lands right of the split. Points of one statement must be
 * strictly increasing.
 */
final class SplitPoints {
  private SplitPoints() {}

  static List<ByteString> encodeAll(KeyCodec codec, SqlNodeList points) {
    List<ByteString> keys = new ArrayList<>();
    for (SqlNode point : points) {
      ByteString key = encode(codec, (SqlNodeList) point);
      if (!keys.isEmpty()
          && ByteString.unsignedLexicographicalComparator().compare(keys.get(keys.size() - 1), key)
              >= 0) {
        throw new CesiumException(
            ErrorCode.VALIDATION_ERROR,
            "split points must be strictly increasing; " + point + " is not above the one before");
      }
      keys.add(key);
    }
    return keys;
  }

  static ByteString encode(KeyCodec codec, SqlNodeList point) {
    List<ColumnDef> key = codec.columns();
    if (point.size() > key.size()) {
      throw new CesiumException(
          ErrorCode.VALIDATION_ERROR,
          "split point " + point + " has " + point.size() + " values; the key has " + key.size());
    }
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < point.size(); i++) {
      Object v =
          LiteralValues.value(point.get(i), key.get(i).toBuilder().setNullable(true).build());
      if (v == null) {
        throw new CesiumException(
            ErrorCode.VALIDATION_ERROR, "split point " + point + " contains NULL");
      }
      values.add(v);
    }
    return ByteString.copyFrom(codec.encodePrefix(values));
  }
}
