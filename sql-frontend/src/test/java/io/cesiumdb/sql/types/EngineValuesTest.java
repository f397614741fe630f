package io.cesiumdb.sql.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.proto.placement.ColumnDef;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.SplittableRandom;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimestampString;
import org.junit.jupiter.api.Test;

class EngineValuesTest {

  /** The representation we document is the one Calcite's runtime uses, type by type. */
  @Test
  void javaClassIsCalcitesInternalRepresentation() {
    JavaTypeFactoryImpl f = new JavaTypeFactoryImpl(CesiumTypeSystem.INSTANCE);
    for (ColumnDef c : ColumnTypesTest.everyType()) {
      // Nullable, because Calcite names primitives (long) for NOT NULL; rows hold boxed values.
      Object calcite =
          f.getJavaClass(ColumnTypes.relDataType(f, c.toBuilder().setNullable(true).build()));
      assertEquals(calcite, EngineValues.javaClass(c.getType()), c.getType().name());
    }
  }

  @Test
  void datesAreDaysAndTimestampsMillisLikeCalciteLiterals() {
    assertEquals(0, EngineValues.toDays(LocalDate.of(1970, 1, 1)));
    assertEquals(
        new DateString("2024-02-29").getDaysSinceEpoch(),
        EngineValues.toDays(LocalDate.of(2024, 2, 29)));
    assertEquals(
        new TimestampString("1969-12-31 23:59:59.999").getMillisSinceEpoch(),
        EngineValues.toMillis(LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_000_000)));
    assertEquals(
        -1L, EngineValues.toMillis(LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_000_000)));
    assertEquals(new DateString("0001-01-01").getDaysSinceEpoch(), EngineValues.MIN_DATE);
  }

  @Test
  void conversionsRoundTripAcrossTheWholeRange() {
    SplittableRandom rnd = new SplittableRandom(7);
    for (int i = 0; i < 2_000; i++) {
      int days = rnd.nextInt(EngineValues.MIN_DATE, EngineValues.MAX_DATE + 1);
      assertEquals(days, EngineValues.toDays(EngineValues.toLocalDate(days)));
      long millis = rnd.nextLong(EngineValues.MIN_TIMESTAMP, EngineValues.MAX_TIMESTAMP + 1);
      assertEquals(millis, EngineValues.toMillis(EngineValues.toLocalDateTime(millis)));
    }
    assertTrue(EngineValues.MIN_TIMESTAMP < 0 && EngineValues.MAX_TIMESTAMP > 0);
    assertEquals(
        LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_000_000),
        EngineValues.toLocalDateTime(EngineValues.MAX_TIMESTAMP));
  }
}
