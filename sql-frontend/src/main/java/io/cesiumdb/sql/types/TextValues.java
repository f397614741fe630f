package io.cesiumdb.sql.types;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.placement.ColumnDef;
import org.apache.calcite.avatica.util.ByteString;

/** {@link ValueCoercer}'s rules for strings, bytes and booleans, and its error messages. */
final class TextValues {
  private TextValues() {}

  static String varchar(ColumnDef column, Object value) {
    if (!(value instanceof String s)) {
      throw mismatch(column, value);
    }
    checkWellFormed(column, s);
    int max = column.getLength();
    if (max == 0 || s.codePointCount(0, s.length()) <= max) {
      return s;
    }
    int cut = s.offsetByCodePoints(0, max);
    if (s.substring(cut).chars().allMatch(c -> c == ' ')) {
      return s.substring(0, cut);
    }
    throw dataException(column, abbreviate(s), "value too long");
  }

  static ByteString varbinary(ColumnDef column, Object value) {
    ByteString b;
    if (value instanceof ByteString bs) {
      b = bs;
    } else if (value instanceof byte[] bytes) {
      b = new ByteString(bytes);
    } else {
      throw mismatch(column, value);
    }
    if (column.getLength() != 0 && b.length() > column.getLength()) {
      throw dataException(column, b.length() + " bytes", "value too long");
    }
    return b;
  }

  static <T> T require(ColumnDef column, Object value, Class<T> type) {
    if (!type.isInstance(value)) {
      throw mismatch(column, value);
    }
    return type.cast(value);
  }

  static CesiumException mismatch(ColumnDef column, Object value) {
    return new CesiumException(
        ErrorCode.DATA_EXCEPTION,
        "cannot store a "
            + value.getClass().getSimpleName()
            + " in column "
            + ColumnDefs.describe(column));
  }

  static CesiumException dataException(ColumnDef column, Object value, String why) {
    return new CesiumException(
        ErrorCode.DATA_EXCEPTION,
        why + " for column " + ColumnDefs.describe(column) + ": " + value);
  }

  private static void checkWellFormed(ColumnDef column, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw dataException(column, "char index " + i, "unpaired UTF-16 surrogate");
      }
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? "'" + s + "'" : "'" + s.substring(0, 37) + "...'";
  }
}
