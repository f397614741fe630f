package io.cesiumdb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import org.junit.jupiter.api.Test;

/** The JDBC subclass each SQLSTATE class gets, as applications catch them. */
class SqlErrorsTest {
  @Test
  void aSerializationFailureIsARollback() {
    SQLException e = SqlErrors.typed("aborted", "40001", null);
    assertInstanceOf(SQLTransactionRollbackException.class, e);
    assertEquals("40001", e.getSQLState());
  }

  @Test
  void theServersVendorCodeIsTheErrorCode() {
    SQLException e = SqlErrors.typed("fenced", "57P03", 2001, null);
    assertEquals(2001, e.getErrorCode());
    assertEquals("57P03", e.getSQLState());
    assertEquals(0, SqlErrors.typed("odd", "XX000", null).getErrorCode());
  }

  @Test
  void aCommitOfUnknownOutcomeIsNotCalledARollback() {
    SQLException e = SqlErrors.typed("outcome unknown", "40003", null);
    assertFalse(e instanceof SQLTransactionRollbackException, e.getClass().getName());
    assertEquals("40003", e.getSQLState());
  }

  @Test
  void timeoutsAndLostConnectionsKeepTheirSubclasses() {
    assertInstanceOf(SQLTimeoutException.class, SqlErrors.typed("slow", "57014", null));
    assertInstanceOf(
        SQLNonTransientConnectionException.class, SqlErrors.typed("gone", "08006", null));
  }

  @Test
  void noStateIsAnInternalErrorNeverSuccess() {
    assertEquals("XX000", SqlErrors.typed("odd", "00000", null).getSQLState());
    assertEquals("XX000", SqlErrors.typed("odd", null, null).getSQLState());
  }
}
