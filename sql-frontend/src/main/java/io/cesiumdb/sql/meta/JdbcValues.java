package io.cesiumdb.sql.meta;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.sql.session.ResultColumn;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.remote.TypedValue;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Values across the Avatica boundary. Out: engine values become what Avatica's frames carry and the
 * driver's accessors expect for the {@link ColumnMetaData.Rep} that {@link Signatures} chose — DATE
 * stays {@code Integer} days and TIMESTAMP {@code Long} millis (the driver turns them into {@code
 * java.sql.Date}/{@code Timestamp}), VARBINARY becomes {@code byte[]}. In: a parameter's {@link
 * TypedValue} in its local form, which is the engine's (DATE days, TIMESTAMP millis, {@code
 * ByteString}), plus strings parsed for DATE and TIMESTAMP parameters (ISO, or {@code yyyy-MM-dd
 * HH:mm:ss[.fff]}); everything else is fitted by the session's own parameter binding.
 */
final class JdbcValues {
  private static final DateTimeFormatter TIMESTAMP =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .append(DateTimeFormatter.ofPattern("HH:mm[:ss]"))
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .toFormatter();

  private JdbcValues() {}

  /** One result row as a frame row. */
  static List<Object> toFrameRow(Object[] row) {
    List<Object> out = new ArrayList<>(row.length);
    for (Object v : row) {
      out.add(toFrameValue(v));
    }
    return out;
  }

  static Object toFrameValue(Object v) {
    if (v == null
        || v instanceof Number
        || v instanceof String
        || v instanceof Boolean
        || v instanceof byte[]) {
      return v;
    }
    if (v instanceof ByteString b) {
      return b.getBytes();
    }
    return String.valueOf(v);
  }

  /** The engine values of a statement's parameters; {@code types} are the {@code ?}s' types. */
  static List<Object> toEngine(List<TypedValue> values, List<ResultColumn> types) {
    if (values == null) {
      return List.of();
    }
    Object[] out = new Object[values.size()];
    for (int i = 0; i < out.length; i++) {
      TypedValue v = values.get(i);
      if (v == null) {
        throw new CesiumException(
            ErrorCode.INVALID_ARGUMENT, "parameter " + (i + 1) + " is not set");
      }
      SqlTypeName type = i < types.size() ? types.get(i).type() : null;
      out[i] = toEngine(v.toLocal(), type, i);
    }
    return Arrays.asList(out);
  }

  private static Object toEngine(Object local, SqlTypeName type, int index) {
    if (local instanceof Character c) {
      return String.valueOf(c);
    }
    if (!(local instanceof String s) || type == null) {
      return local;
    }
    try {
      return switch (type) {
        case DATE -> LocalDate.parse(s.trim());
        case TIMESTAMP -> LocalDateTime.parse(s.trim(), TIMESTAMP);
        default -> s;
      };
    } catch (DateTimeParseException e) {
      throw new CesiumException(
          ErrorCode.DATA_EXCEPTION,
          "parameter " + (index + 1) + ": '" + s + "' is not a valid " + type.getName());
    }
  }
}
