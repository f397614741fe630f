package io.cesiumdb.pd.meta;

import io.cesiumdb.proto.placement.UserEntry;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The user catalog: name → stored credential (salted slow hash, never a password). Mutated only by
 * handlers; iteration is by name, so snapshots are byte-exact. User changes do not bump the catalog
 * version (a SQL node's catalog cache does not hold users).
 */
final class Users {
  private final Map<String, UserEntry> users = new TreeMap<>();

  Optional<UserEntry> user(String name) {
    return Optional.ofNullable(users.get(name));
  }

  boolean isEmpty() {
    return users.isEmpty();
  }

  /** All users, by name. */
  Collection<UserEntry> all() {
    return Collections.unmodifiableCollection(users.values());
  }

  void put(UserEntry user) {
    users.put(user.getName(), user);
  }

  void remove(String name) {
    users.remove(name);
  }
}
