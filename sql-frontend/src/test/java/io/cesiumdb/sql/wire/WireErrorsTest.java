package io.cesiumdb.sql.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.NoSuchConnectionException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.junit.jupiter.api.Test;

class WireErrorsTest {
  @Test
  void cesiumExceptionAnywhereInTheChainWins() {
    var cause = new CesiumException(ErrorCode.NOT_NULL_VIOLATION, "column k is NOT NULL");
    var wrapped = new RuntimeException(new SQLException("outer", "HY000", cause));

    AvaticaRuntimeException e = WireErrors.toAvatica(wrapped);

    assertEquals("23502", e.getSqlState());
    assertEquals(8004, e.getErrorCode());
    assertTrue(e.getErrorMessage().contains("[SQL-4]"), e.getErrorMessage());
  }

  @Test
  void authFailureIs28P01() {
    var e = WireErrors.toAvatica(new CesiumException(ErrorCode.AUTH_FAILED, "no"));
    assertEquals("28P01", e.getSqlState());
  }

  @Test
  void avaticaLookupFailuresHaveTheirOwnStates() {
    var noConnection = new RuntimeException(new NoSuchConnectionException("c"));
    assertEquals("08003", WireErrors.toAvatica(noConnection).getSqlState());
    assertEquals(0, WireErrors.toAvatica(noConnection).getErrorCode());
    var noStatement = new RuntimeException(new NoSuchStatementException(null));
    assertEquals("26000", WireErrors.toAvatica(noStatement).getSqlState());
  }

  @Test
  void nestedJdbcStatesPassExceptClass08() {
    var syntax = new RuntimeException(new SQLException("bad", "42601"));
    assertEquals("42601", WireErrors.toAvatica(syntax).getSqlState());
    var innerConnectionLost = new RuntimeException(new SQLException("inner gone", "08006"));
    assertEquals("58000", WireErrors.toAvatica(innerConnectionLost).getSqlState());
  }

  @Test
  void jdbcSubclassWithoutStateIsClassified() {
    var e = new RuntimeException(new SQLSyntaxErrorException("Object 'X' not found"));
    assertEquals("42000", WireErrors.toAvatica(e).getSqlState());
    var plain = new RuntimeException(new SQLException("no state"));
    assertEquals("XX000", WireErrors.toAvatica(plain).getSqlState());
  }

  @Test
  void unsupportedOperationIsFeatureNotSupported() {
    var e = WireErrors.toAvatica(new RuntimeException(new UnsupportedOperationException()));
    assertEquals("0A000", e.getSqlState());
  }

  @Test
  void anythingElseIsInternalWithTheWholeStory() {
    var e = WireErrors.toAvatica(new IllegalStateException("boom", new Error("root")));
    assertEquals("XX000", e.getSqlState());
    assertTrue(e.getErrorMessage().contains("boom") && e.getErrorMessage().contains("root"));
  }

  @Test
  void alreadyMappedErrorsPassThrough() {
    var mapped = new AvaticaRuntimeException("x", 0, "40001", AvaticaSeverity.ERROR);
    assertSame(mapped, WireErrors.toAvatica(mapped));
  }
}
