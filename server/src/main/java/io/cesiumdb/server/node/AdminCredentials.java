package io.cesiumdb.server.node;

import java.util.Objects;

/**
 * The bootstrap user's name and password, as the process that bootstrapped the cluster knows them.
 *
 * @param created whether this process created the user: {@code false} when the cluster already had
 *     a user (a data directory from an earlier run), so {@code password} is not the cluster's
 */
public record AdminCredentials(String user, String password, boolean created) {
  public AdminCredentials {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
  }

  /** What the demo prints, once. */
  public String describe() {
    return created
        ? "user " + user + ", password " + password
        : "user "
            + user
            + ": the cluster already had users; its password was set when it was"
            + " first bootstrapped";
  }

  /** Never the password: credentials end up in logs by accident. */
  @Override
  public String toString() {
    return "AdminCredentials[user=" + user + ", created=" + created + "]";
  }
}
