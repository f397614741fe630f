package io.cesiumdb.jdbc;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientException;
import org.apache.calcite.avatica.AvaticaClientRuntimeException;

/**
 * Turns the unchecked exceptions Avatica lets escape from some JDBC methods (connection settings,
 * commit, metadata, fetch) into {@code SQLException}s with the server's SQLSTATE, typed by SQLSTATE
 * class as JDBC 4 describes. Statement execution needs none of this: Avatica converts there.
 */
final class SqlErrors {
  /** SQLSTATE for a failure of the driver itself (ErrorCode.INTERNAL). */
  static final String INTERNAL = "XX000";

  private SqlErrors() {}

  /** A JDBC action that may throw Avatica's unchecked exceptions. */
  interface SqlCall<T> {
    T call() throws SQLException;
  }

  /** As {@link SqlCall} without a result. */
  interface SqlAction {
    void run() throws SQLException;
  }

  static <T> T call(String what, SqlCall<T> call) throws SQLException {
    try {
      return call.call();
    } catch (RuntimeException e) {
      throw toSqlException(what, e);
    }
  }

  static void run(String what, SqlAction action) throws SQLException {
    try {
      action.run();
    } catch (RuntimeException e) {
      throw toSqlException(what, e);
    }
  }

  /** The {@code SQLException} for {@code e}, raised while doing {@code what}. */
  static SQLException toSqlException(String what, RuntimeException e) {
    if (e instanceof AvaticaClientRuntimeException remote) {
      return typed(
          what + ": " + remote.getMessage(), remote.getSqlState(), remote.getErrorCode(), e);
    }
    if (e.getCause() instanceof SQLException sql) {
      return sql;
    }
    return typed(what + ": " + e, INTERNAL, e);
  }

  /** A {@code SQLException} of the JDBC subclass that matches {@code sqlState}'s class. */
  static SQLException typed(String message, String sqlState, Throwable cause) {
    return typed(message, sqlState, 0, cause);
  }

  /**
   * As {@link #typed(String, String, Throwable)}, with the server's vendor code (its stable error
   * code, for example 2001 for CLK-1 "node fenced"), which {@code getErrorCode()} returns.
   */
  static SQLException typed(String message, String sqlState, int vendorCode, Throwable cause) {
    // Avatica's "unknown" state is 00000, which means success: never hand that out.
    boolean usable = sqlState != null && sqlState.length() == 5 && !sqlState.equals("00000");
    String state = usable ? sqlState : INTERNAL;
    return switch (state.substring(0, 2)) {
      case "08" -> new SQLNonTransientConnectionException(message, state, vendorCode, cause);
      case "28" -> new SQLInvalidAuthorizationSpecException(message, state, vendorCode, cause);
      case "0A" -> new SQLFeatureNotSupportedException(message, state, vendorCode, cause);
      case "22" -> new SQLDataException(message, state, vendorCode, cause);
      case "23" -> new SQLIntegrityConstraintViolationException(message, state, vendorCode, cause);
      case "40" ->
          // 40003: the commit may have been applied; it was not rolled back.
          state.equals("40003")
              ? new SQLException(message, state, vendorCode, cause)
              : new SQLTransactionRollbackException(message, state, vendorCode, cause);
      case "42" -> new SQLSyntaxErrorException(message, state, vendorCode, cause);
      case "57" ->
          state.equals("57014")
              ? new SQLTimeoutException(message, state, vendorCode, cause)
              : new SQLTransientException(message, state, vendorCode, cause);
      default -> new SQLException(message, state, vendorCode, cause);
    };
  }
}
