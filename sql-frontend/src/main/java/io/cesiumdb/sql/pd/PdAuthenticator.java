package io.cesiumdb.sql.pd;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.placement.AuthenticateRequest;
import io.cesiumdb.proto.placement.AuthenticateResponse;
import io.cesiumdb.proto.placement.PlacementServiceGrpc;
import io.cesiumdb.sql.wire.Authenticator;
import io.cesiumdb.txn.routing.PlacementCalls;

/**
 * The production {@link Authenticator}: the placement driver's {@code Authenticate} RPC, which
 * checks the password against the salted PBKDF2 hash its catalog keeps for the user (the password
 * crosses the wire to the PD leader, never a log). A wrong password and an unknown user are the
 * same {@code AUTH_FAILED} (28P01); so is an empty user or password, without asking the PD. Other
 * failures (the PD unreachable: {@code UNAVAILABLE}) propagate as they are, so a client can tell
 * "try again" from "wrong password". A password the PD accepted is remembered for a minute ({@link
 * VerifiedPasswords}), so reconnects do not each cost the PD leader a PBKDF2 hash. Thread-safe;
 * blocks the connecting thread.
 */
public final class PdAuthenticator implements Authenticator {
  private final PlacementCalls pd;
  private final VerifiedPasswords verified;

  public PdAuthenticator(PlacementCalls pd) {
    this(pd, new VerifiedPasswords(VerifiedPasswords.DEFAULT_TTL, System::nanoTime));
  }

  PdAuthenticator(PlacementCalls pd, VerifiedPasswords verified) {
    this.pd = pd;
    this.verified = verified;
  }

  @Override
  public void authenticate(String user, String password) {
    if (user.isEmpty() || password.isEmpty()) {
      throw failed(user, null);
    }
    if (verified.contains(user, password)) {
      return;
    }
    AuthenticateRequest request =
        AuthenticateRequest.newBuilder().setName(user).setPassword(password).build();
    try {
      PdFutures.await(
          pd.call(
              PlacementServiceGrpc.getAuthenticateMethod(),
              request,
              AuthenticateResponse::getError));
      verified.remember(user, password);
    } catch (CesiumException e) {
      if (e.code() == ErrorCode.AUTH_FAILED || e.code() == ErrorCode.INVALID_ARGUMENT) {
        verified.forget(user);
        throw failed(user, e);
      }
      throw e;
    }
  }

  private static CesiumException failed(String user, Throwable cause) {
    return new CesiumException(
        ErrorCode.AUTH_FAILED, "password authentication failed for user \"" + user + "\"", cause);
  }
}
