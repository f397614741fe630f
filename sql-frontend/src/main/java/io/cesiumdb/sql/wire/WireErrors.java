package io.cesiumdb.sql.wire;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransactionRollbackException;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchConnectionException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps whatever a {@code Meta} threw to the {@link AvaticaRuntimeException} from which Avatica's
 * handler builds its {@code ErrorResponse}, so that the client's {@code SQLException.getSQLState()}
 * is ours. Without this Avatica sends SQLSTATE 00000 for everything it does not know.
 *
 * <p>Order: a {@link CesiumException} anywhere in the cause chain wins (its {@link ErrorCode}'s
 * SQLSTATE, and its {@link ErrorCode#vendorCode} as the error code the client reads from {@code
 * SQLException.getErrorCode()}; 0 for everything else); then Avatica's own "no such
 * connection/statement/results"; then the first {@code SQLException} with a SQLSTATE, or its JDBC
 * subclass; an {@code UnsupportedOperationException} is 0A000; else XX000. Class 08 from a nested
 * JDBC driver (say the one behind {@code JdbcMeta}) becomes 58000: the client's connection to this
 * node is fine, and 08 would make tools drop it.
 */
final class WireErrors {
  private static final Logger LOG = LoggerFactory.getLogger(WireErrors.class);

  /** Sent when the connection id is unknown here (never opened, closed, expired, other node). */
  static final String CONNECTION_DOES_NOT_EXIST = "08003";

  static final String INVALID_STATEMENT_NAME = "26000";
  static final String INVALID_CURSOR_STATE = "24000";
  static final String SYSTEM_ERROR = "58000";

  private WireErrors() {}

  /** The error to send for {@code t}. */
  static AvaticaRuntimeException toAvatica(Throwable t) {
    if (t instanceof AvaticaRuntimeException already) {
      return already;
    }
    CesiumException cesium = find(t, CesiumException.class);
    if (cesium != null) {
      if (cesium.code() == ErrorCode.INTERNAL) {
        LOG.warn("internal error served to a SQL client", t);
      }
      return error(cesium.getMessage(), cesium.sqlState(), cesium.code().vendorCode());
    }
    String avatica = avaticaState(t);
    if (avatica != null) {
      return error(String.valueOf(t.getMessage()), avatica);
    }
    SQLException sql = find(t, SQLException.class);
    if (sql != null) {
      return error(sql.getMessage(), sqlState(sql));
    }
    if (find(t, UnsupportedOperationException.class) != null) {
      return error(causalChain(t), ErrorCode.FEATURE_NOT_SUPPORTED.sqlState());
    }
    LOG.warn("unexpected error served to a SQL client", t);
    return error(causalChain(t), ErrorCode.INTERNAL.sqlState());
  }

  /** The error for a request on a connection id this node does not serve. */
  static AvaticaRuntimeException unknownConnection(String connectionId) {
    return error(
        "connection "
            + connectionId
            + " does not exist on this node (closed, expired or never"
            + " opened here); reconnect",
        CONNECTION_DOES_NOT_EXIST);
  }

  private static String avaticaState(Throwable t) {
    if (find(t, NoSuchConnectionException.class) != null) {
      return CONNECTION_DOES_NOT_EXIST;
    }
    if (find(t, NoSuchStatementException.class) != null) {
      return INVALID_STATEMENT_NAME;
    }
    if (find(t, MissingResultsException.class) != null) {
      return INVALID_CURSOR_STATE;
    }
    return null;
  }

  private static String sqlState(SQLException e) {
    String state = e.getSQLState();
    if (state != null && state.length() == 5 && !state.equals("00000")) {
      return state.startsWith("08") ? SYSTEM_ERROR : state;
    }
    if (e instanceof SQLSyntaxErrorException) {
      return ErrorCode.VALIDATION_ERROR.sqlState();
    }
    if (e instanceof SQLIntegrityConstraintViolationException) {
      return "23000";
    }
    if (e instanceof SQLDataException) {
      return ErrorCode.DATA_EXCEPTION.sqlState();
    }
    if (e instanceof SQLFeatureNotSupportedException) {
      return ErrorCode.FEATURE_NOT_SUPPORTED.sqlState();
    }
    if (e instanceof SQLTransactionRollbackException) {
      return ErrorCode.TXN_ABORTED.sqlState();
    }
    return ErrorCode.INTERNAL.sqlState();
  }

  private static <T extends Throwable> T find(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }

  private static String causalChain(Throwable t) {
    StringBuilder text = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      text.append(text.length() == 0 ? "" : " -> ").append(c.getClass().getSimpleName());
      text.append(": ").append(c.getMessage());
    }
    return text.toString();
  }

  private static AvaticaRuntimeException error(String message, String sqlState) {
    return error(message, sqlState, 0);
  }

  private static AvaticaRuntimeException error(String message, String sqlState, int vendorCode) {
    return new AvaticaRuntimeException(message, vendorCode, sqlState, AvaticaSeverity.ERROR);
  }
}
