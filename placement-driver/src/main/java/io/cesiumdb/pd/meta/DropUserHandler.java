package io.cesiumdb.pd.meta;

import io.cesiumdb.proto.placement.DropUser;

/**
 * Removes a user. A missing user is VALIDATION_ERROR (the registry has no USER_NOT_FOUND code)
 * unless {@code if_exists}. Nothing stops dropping the last user: the bootstrap creates one only
 * when a cluster starts with none.
 */
final class DropUserHandler implements CommandHandler<DropUser> {

  @Override
  public UserChange apply(MetaStores stores, DropUser cmd) {
    Users users = stores.users();
    if (users.user(cmd.getName()).isEmpty()) {
      if (cmd.getIfExists()) {
        return new UserChange(cmd.getName(), false);
      }
      throw MetaErrors.refused("no user " + cmd.getName());
    }
    users.remove(cmd.getName());
    return new UserChange(cmd.getName(), true);
  }
}
