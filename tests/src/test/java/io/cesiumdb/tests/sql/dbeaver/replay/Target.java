package io.cesiumdb.tests.sql.dbeaver.replay;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The cluster as the replay sees it: a URL per node, a URL whose first host is a dead port (for
 * failover at connect), and the credentials. Every connection goes through {@link DriverManager}.
 *
 * @param user the bootstrap user
 * @param password its password
 * @param first URL of node n1 alone
 * @param second URL of node n2 alone
 * @param failover URL listing a dead port first, then node n3
 */
record Target(String user, String password, String first, String second, String failover) {
  /** Reads {@code user password url-n1 url-n2 url-dead-then-n3}. */
  static Target fromArgs(String[] args) {
    if (args.length != 5) {
      throw new IllegalArgumentException(
          "usage: DbeaverReplay <user> <password> <url-n1> <url-n2> <url-dead,n3>");
    }
    return new Target(args[0], args[1], args[2], args[3], args[4]);
  }

  Properties credentials() {
    return credentials(user, password);
  }

  static Properties credentials(String user, String password) {
    Properties p = new Properties();
    p.setProperty("user", user);
    p.setProperty("password", password);
    return p;
  }

  Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url, credentials());
  }

  /** NOTES.NAME of row {@code id} as {@code c} sees it, or null when there is no such row. */
  static String noteName(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT NAME FROM PUBLIC.NOTES WHERE ID = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /** The single long value of {@code sql} on {@code c}. */
  static long scalar(Connection c, String sql) throws SQLException {
    try (var s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      Check.isTrue(rs.next(), "no row from " + sql);
      return rs.getLong(1);
    }
  }
}
