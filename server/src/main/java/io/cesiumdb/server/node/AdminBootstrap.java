package io.cesiumdb.server.node;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.placement.CreateUserRequest;
import io.cesiumdb.proto.placement.CreateUserResponse;
import io.cesiumdb.server.rpc.PdClient;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the first user of a new cluster: the process that bootstraps it (today {@code cesium
 * demo}) asks the PD leader for CreateUser({@value #ADMIN_USER}, password, only_if_no_users), so
 * the password is one it knows and can print once. The PD hashes it (PBKDF2, random salt) before
 * logging; a cluster that already has a user answers "not created" and keeps its users.
 *
 * <p>Retries while the PD has no ready leader (NOT_LEADER, unavailable, unreachable) until the
 * timeout; other errors fail at once.
 */
public final class AdminBootstrap {
  private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

  /** The bootstrap user's name. */
  public static final String ADMIN_USER = "cesium";

  private static final char[] ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();
  private static final int PASSWORD_LENGTH = 20;
  private static final long RETRY_PAUSE_MILLIS = 100;

  private AdminBootstrap() {}

  /** A random password: 20 characters from 57 unambiguous ones (~116 bits). */
  public static String generatePassword(SecureRandom random) {
    StringBuilder b = new StringBuilder(PASSWORD_LENGTH);
    for (int i = 0; i < PASSWORD_LENGTH; i++) {
      b.append(ALPHABET[random.nextInt(ALPHABET.length)]);
    }
    return b.toString();
  }

  /**
   * Creates {@value #ADMIN_USER} with {@code password} unless the cluster already has a user.
   *
   * @throws CesiumException the PD's last error when it did not answer within {@code timeout}, or
   *     at once for a non-retryable one
   */
  public static AdminCredentials ensure(PdClient pd, String password, Duration timeout) {
    CreateUserRequest req =
        CreateUserRequest.newBuilder()
            .setName(ADMIN_USER)
            .setPassword(password)
            .setOnlyIfNoUsers(true)
            .build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        CreateUserResponse r = pd.call(stub -> stub.createUser(req), CreateUserResponse::getError);
        LOG.info("bootstrap user {}: {}", ADMIN_USER, r.getCreated() ? "created" : "users exist");
        return new AdminCredentials(ADMIN_USER, password, r.getCreated());
      } catch (CesiumException e) {
        if (!e.code().retryable() || System.nanoTime() > deadline) {
          throw e;
        }
      }
      pause();
    }
  }

  /** Back-off between attempts while the PD elects a leader (not synchronisation). */
  private static void pause() {
    try {
      TimeUnit.MILLISECONDS.sleep(RETRY_PAUSE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CesiumException(ErrorCode.SHUTTING_DOWN, "interrupted bootstrapping the user", e);
    }
  }
}
