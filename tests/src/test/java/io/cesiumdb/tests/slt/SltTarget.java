package io.cesiumdb.tests.slt;

/**
 * Where a conformance run sends its SQL: a JDBC URL of our driver and the admin's login.
 *
 * @param url {@code jdbc:cesium://host:port,.../}
 * @param user the user to log in as
 * @param password its password
 */
record SltTarget(String url, String user, String password) {
  @Override
  public String toString() {
    return url + " as " + user;
  }
}
