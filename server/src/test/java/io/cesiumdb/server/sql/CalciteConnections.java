package io.cesiumdb.server.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Any JDBC connection serves the shell's tests: Calcite's own driver (already on the class path)
 * answers VALUES queries and refuses unknown tables, without a cluster.
 */
final class CalciteConnections {
  static final String URL = "jdbc:calcite:";

  private CalciteConnections() {}

  static Connection open() throws SQLException {
    return DriverManager.getConnection(URL);
  }
}
