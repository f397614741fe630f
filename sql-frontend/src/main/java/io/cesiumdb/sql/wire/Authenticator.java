package io.cesiumdb.sql.wire;

/**
 * Checks a user's credentials when a JDBC connection opens; the wire layer serves nothing else to a
 * connection this refused. Implementations must be thread-safe and must not say whether the user or
 * the password was wrong.
 */
@FunctionalInterface
public interface Authenticator {
  /**
   * Returns normally when {@code password} is right for {@code user}.
   *
   * @param user never null (empty when the client sent none)
   * @param password never null (empty when the client sent none)
   * @throws io.cesiumdb.common.error.CesiumException with {@code ErrorCode.AUTH_FAILED} (SQLSTATE
   *     28P01) otherwise
   */
  void authenticate(String user, String password);
}
