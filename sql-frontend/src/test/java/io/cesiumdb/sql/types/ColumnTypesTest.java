package io.cesiumdb.sql.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.placement.ColumnDef;
import io.cesiumdb.proto.placement.ColumnType;
import io.cesiumdb.proto.placement.TableDef;
import java.util.List;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

class ColumnTypesTest {
  private final RelDataTypeFactory factory = new JavaTypeFactoryImpl(CesiumTypeSystem.INSTANCE);

  static List<ColumnDef> everyType() {
    return List.of(
        ColumnDefs.of("A", ColumnType.BIGINT, false),
        ColumnDefs.of("B", ColumnType.INTEGER, true),
        ColumnDefs.of("C", ColumnType.SMALLINT, true),
        ColumnDefs.of("D", ColumnType.DOUBLE, true),
        ColumnDefs.decimal("E", 38, 10, true),
        ColumnDefs.varchar("F", 20, true),
        ColumnDefs.varchar("G", 0, false),
        ColumnDefs.of("H", ColumnType.BOOLEAN, true),
        ColumnDefs.of("I", ColumnType.DATE, true),
        ColumnDefs.of("J", ColumnType.TIMESTAMP, true),
        ColumnDefs.of("K", ColumnType.TIMESTAMP, true).toBuilder().setPrecision(0).build(),
        ColumnDefs.varbinary("L", 16, true),
        ColumnDefs.varbinary("M", 0, true));
  }

  @Test
  void everyTypeRoundTripsThroughCalcite() {
    for (ColumnDef c : everyType()) {
      RelDataType t = ColumnTypes.relDataType(factory, c);
      assertEquals(c.getNullable(), t.isNullable(), c.getName());
      assertEquals(c, ColumnTypes.columnDef(c.getName(), t), c.getName());
    }
  }

  @Test
  void calciteTypesCarryTheArguments() {
    RelDataType dec = ColumnTypes.relDataType(factory, ColumnDefs.decimal("X", 12, 3, false));
    assertEquals(SqlTypeName.DECIMAL, dec.getSqlTypeName());
    assertEquals(12, dec.getPrecision());
    assertEquals(3, dec.getScale());
    RelDataType unbounded = ColumnTypes.relDataType(factory, ColumnDefs.varchar("V", 0, true));
    assertEquals(RelDataType.PRECISION_NOT_SPECIFIED, unbounded.getPrecision());
    RelDataType ts =
        ColumnTypes.relDataType(factory, ColumnDefs.of("T", ColumnType.TIMESTAMP, true));
    assertEquals(3, ts.getPrecision(), "TIMESTAMP keeps milliseconds");
  }

  @Test
  void rowTypeFollowsDeclarationOrder() {
    TableDef t =
        TableDef.newBuilder().setName("T").addAllColumns(everyType()).addPrimaryKey("A").build();
    RelDataType row = ColumnTypes.rowType(factory, t);
    assertEquals(everyType().stream().map(ColumnDef::getName).toList(), row.getFieldNames());
  }

  @Test
  void otherCalciteTypesAreRejected() {
    for (SqlTypeName n :
        List.of(
            SqlTypeName.FLOAT,
            SqlTypeName.REAL,
            SqlTypeName.CHAR,
            SqlTypeName.TINYINT,
            SqlTypeName.TIME,
            SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE,
            SqlTypeName.ARRAY)) {
      CesiumException e = assertThrows(CesiumException.class, () -> ColumnTypes.columnType(n));
      assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
      assertTrue(e.getMessage().contains("supported:"), e.getMessage());
    }
    assertThrows(
        CesiumException.class, () -> ColumnTypes.sqlTypeName(ColumnType.COLUMN_TYPE_UNSPECIFIED));
  }

  @Test
  void validateChecksTypeArguments() {
    for (ColumnDef bad :
        List.of(
            ColumnDefs.decimal("X", 0, 0, true),
            ColumnDefs.decimal("X", 39, 0, true),
            ColumnDefs.decimal("X", 5, 6, true),
            ColumnDefs.varchar("X", ColumnTypes.MAX_LENGTH + 1, true),
            ColumnDefs.of("X", ColumnType.TIMESTAMP, true).toBuilder().setPrecision(6).build())) {
      CesiumException e = assertThrows(CesiumException.class, () -> ColumnTypes.validate(bad));
      assertEquals(ErrorCode.VALIDATION_ERROR, e.code(), ColumnDefs.typeString(bad));
    }
    assertEquals(
        ColumnDefs.decimal("X", 38, 38, true),
        ColumnTypes.validate(ColumnDefs.decimal("X", 38, 38, true)));
  }

  @Test
  void typeSystemRaisesDecimalLimitsOnly() {
    CesiumTypeSystem ts = CesiumTypeSystem.INSTANCE;
    assertEquals(38, ts.getMaxPrecision(SqlTypeName.DECIMAL));
    assertEquals(19, ts.getDefaultPrecision(SqlTypeName.DECIMAL));
    assertEquals(3, ts.getDefaultPrecision(SqlTypeName.TIMESTAMP));
    assertEquals(3, ts.getMaxPrecision(SqlTypeName.TIMESTAMP));
    assertEquals(65_536, ts.getMaxPrecision(SqlTypeName.VARCHAR));
    assertFalse(ColumnDefs.describe(ColumnDefs.varchar("N", 0, false)).contains("("));
    assertEquals(
        "P DECIMAL(10, 2) NOT NULL", ColumnDefs.describe(ColumnDefs.decimal("P", 10, 2, false)));
  }
}
