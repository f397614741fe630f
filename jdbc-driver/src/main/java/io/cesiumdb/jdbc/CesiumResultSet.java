package io.cesiumdb.jdbc;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.TimeZone;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.QueryState;

/**
 * Avatica's result set, except that a failure while fetching the next frame from the node (the node
 * died, the statement expired) is a {@code SQLException} with its SQLSTATE rather than the
 * unchecked exception Avatica's cursor throws.
 */
final class CesiumResultSet extends AvaticaResultSet {
  CesiumResultSet(
      AvaticaStatement statement,
      QueryState state,
      Meta.Signature signature,
      ResultSetMetaData metaData,
      TimeZone timeZone,
      Meta.Frame firstFrame)
      throws SQLException {
    super(statement, state, signature, metaData, timeZone, firstFrame);
  }

  @Override
  public boolean next() throws SQLException {
    return SqlErrors.call("fetching the next row", super::next);
  }
}
