package io.cesiumdb.pd.meta;

import io.cesiumdb.proto.placement.CreateUser;
import io.cesiumdb.proto.placement.UserEntry;

/**
 * Stores a user's credential as the leader computed it (salt and hash arrive in the command: the
 * state machine draws no randomness and hashes nothing). A duplicate name is VALIDATION_ERROR
 * unless {@code if_not_exists}; {@code only_if_no_users} (bootstrap) is a no-op once any user
 * exists, so concurrent bootstrappers create at most one first user.
 */
final class CreateUserHandler implements CommandHandler<CreateUser> {

  @Override
  public UserChange apply(MetaStores stores, CreateUser cmd) {
    UserEntry user = cmd.getUser();
    check(user);
    Users users = stores.users();
    if (cmd.getOnlyIfNoUsers() && !users.isEmpty()) {
      return new UserChange(user.getName(), false);
    }
    if (users.user(user.getName()).isPresent()) {
      if (cmd.getIfNotExists()) {
        return new UserChange(user.getName(), false);
      }
      throw MetaErrors.refused("user " + user.getName() + " already exists");
    }
    users.put(user);
    return new UserChange(user.getName(), true);
  }

  private static void check(UserEntry user) {
    if (user.getName().isEmpty()) {
      throw MetaErrors.invalid("user name is empty");
    }
    if (user.getAlgorithm().isEmpty()
        || user.getIterations() == 0
        || user.getSalt().isEmpty()
        || user.getHash().isEmpty()) {
      throw MetaErrors.invalid("user " + user.getName() + ": incomplete credential");
    }
  }
}
