package io.cesiumdb.pd.service;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.pd.meta.UserChange;
import io.cesiumdb.proto.placement.AuthenticateRequest;
import io.cesiumdb.proto.placement.AuthenticateResponse;
import io.cesiumdb.proto.placement.CreateUser;
import io.cesiumdb.proto.placement.CreateUserRequest;
import io.cesiumdb.proto.placement.CreateUserResponse;
import io.cesiumdb.proto.placement.DropUser;
import io.cesiumdb.proto.placement.DropUserRequest;
import io.cesiumdb.proto.placement.DropUserResponse;
import io.cesiumdb.proto.placement.ListUsersResponse;
import io.cesiumdb.proto.placement.MetaCommand;
import io.cesiumdb.proto.placement.UserEntry;
import io.cesiumdb.proto.placement.UserInfo;
import java.util.concurrent.CompletableFuture;

/**
 * The user RPCs behind {@link PlacementServiceImpl}.
 *
 * <ul>
 *   <li>CreateUser: at the ready leader, hash the password ({@link Credentials}: fresh salt, slow
 *       PBKDF2, on the member's auth threads), then log CreateUser with the credential. The
 *       password itself never reaches the log.
 *   <li>Authenticate: read the user at the ready leader, verify on the auth threads; a wrong
 *       password and an unknown user give the same AUTH_FAILED (SQLSTATE 28P01) after the same
 *       work.
 *   <li>DropUser through the log; ListUsers from applied state (names only).
 * </ul>
 */
final class UserRpcs {
  private final PlacementDriver pd;

  UserRpcs(PlacementDriver pd) {
    this.pd = pd;
  }

  CompletableFuture<CreateUserResponse> create(CreateUserRequest req) {
    if (req.getName().isEmpty() || req.getPassword().isEmpty()) {
      return CompletableFuture.failedFuture(
          new CesiumException(ErrorCode.INVALID_ARGUMENT, "user name and password are required"));
    }
    return pd.awaitLeader()
        .thenCompose(v -> pd.credentials().hash(req.getName(), req.getPassword()))
        .thenCompose(user -> pd.submit(createCommand(req, user)))
        .thenApply(
            r ->
                CreateUserResponse.newBuilder()
                    .setCreated(r.value(UserChange.class).changed())
                    .build());
  }

  CompletableFuture<DropUserResponse> drop(DropUserRequest req) {
    MetaCommand cmd =
        MetaCommand.newBuilder()
            .setDropUser(
                DropUser.newBuilder().setName(req.getName()).setIfExists(req.getIfExists()))
            .build();
    return pd.submit(cmd)
        .thenApply(
            r ->
                DropUserResponse.newBuilder()
                    .setDropped(r.value(UserChange.class).changed())
                    .build());
  }

  CompletableFuture<ListUsersResponse> list() {
    return pd.read(
        s -> {
          ListUsersResponse.Builder b = ListUsersResponse.newBuilder();
          s.users().forEach(u -> b.addUsers(UserInfo.newBuilder().setName(u.getName())));
          return b.build();
        });
  }

  CompletableFuture<AuthenticateResponse> authenticate(AuthenticateRequest req) {
    return pd.read(s -> s.user(req.getName()))
        .thenCompose(user -> pd.credentials().verify(user, req.getPassword()))
        .thenApply(
            ok -> {
              if (!ok) {
                throw new CesiumException(
                    ErrorCode.AUTH_FAILED,
                    "password authentication failed for user \"" + req.getName() + "\"");
              }
              return AuthenticateResponse.getDefaultInstance();
            });
  }

  private static MetaCommand createCommand(CreateUserRequest req, UserEntry user) {
    return MetaCommand.newBuilder()
        .setCreateUser(
            CreateUser.newBuilder()
                .setUser(user)
                .setIfNotExists(req.getIfNotExists())
                .setOnlyIfNoUsers(req.getOnlyIfNoUsers()))
        .build();
  }
}
