package io.cesiumdb.sql.wire;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.remote.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gate in front of the Avatica {@code Service} that runs SQL: authenticates each connection
 * when it opens, refuses every request on a connection it did not open, closes connections left
 * idle, and maps every failure to a SQLSTATE ({@link WireErrors}).
 *
 * <p>Order per request: known connection? (else 08003) → delegate → on failure, map the error.
 * Opening: {@link Authenticator} (else 28P01, and the connection id stays unknown, so nothing else
 * is served to it) → delegate with the password removed → register the id.
 *
 * <p>Thread-safe if the delegate is.
 */
final class AuthenticatingService implements Service {
  private static final Logger LOG = LoggerFactory.getLogger(AuthenticatingService.class);

  static final String USER = "user";
  static final String PASSWORD = "password";

  private final Service delegate;
  private final Authenticator authenticator;
  private final long idleNanos;
  private final LongSupplier nanoClock;
  private final SessionRegistry sessions = new SessionRegistry();

  /**
   * @param idleTimeout connections unused this long are closed (checked whenever one opens)
   * @param nanoClock {@code System::nanoTime} outside tests
   */
  AuthenticatingService(
      Service delegate, Authenticator authenticator, Duration idleTimeout, LongSupplier nanoClock) {
    this.delegate = delegate;
    this.authenticator = authenticator;
    this.idleNanos = idleTimeout.toNanos();
    this.nanoClock = nanoClock;
  }

  /** Connections open through this gate. */
  int openConnections() {
    return sessions.size();
  }

  @Override
  public OpenConnectionResponse apply(OpenConnectionRequest request) {
    try {
      expireIdle();
      Map<String, String> info = request.info == null ? Map.of() : request.info;
      String user = info.getOrDefault(USER, "");
      authenticator.authenticate(user, info.getOrDefault(PASSWORD, ""));
      Map<String, String> withoutPassword = new HashMap<>(info);
      withoutPassword.remove(PASSWORD);
      OpenConnectionResponse response =
          delegate.apply(new OpenConnectionRequest(request.connectionId, withoutPassword));
      sessions.open(request.connectionId, nanoClock.getAsLong());
      LOG.debug("connection {} opened for user {}", request.connectionId, user);
      return response;
    } catch (RuntimeException e) {
      throw WireErrors.toAvatica(e);
    }
  }

  @Override
  public CloseConnectionResponse apply(CloseConnectionRequest request) {
    try {
      return gated(request.connectionId, () -> delegate.apply(request));
    } finally {
      sessions.close(request.connectionId);
    }
  }

  @Override
  public ResultSetResponse apply(CatalogsRequest request) {
    return gated(request.connectionId, () -> delegate.apply(request));
  }

  @Override
  public ResultSetResponse apply(SchemasRequest request) {
    return gated(request.connectionId, () -> delegate.apply(request));
  }

  @Override
  public ResultSetResponse apply(TablesRequest request) {
    return gated(request.connectionId, () -> delegate.apply(request));
  }

  @Override
  public ResultSetResponse apply(TableTypesRequest request) {
    return gated(request.connectionId, () -> delegate.apply(request));
  }

  @Override
  public ResultSetResponse apply(TypeInfoRequest request) {
    return gated(request.connectionId, () -> delegate.apply(request));
  }

  @Override
  public ResultSetResponse apply(ColumnsRequest request) {
    return gated(request.connectionId, () -> delegate.apply(request));
  }

  @Override
  public PrepareResponse apply(PrepareRequest request) {
    return gated(request.connectionId, () -> delegate.apply(request));
  }

  @Override
  public ExecuteResponse apply(ExecuteRequest request) {
    String connectionId =
        request.statementHandle == null ? null : request.statementHandle.connectionId;
    return gated(connectionId, () -> delegate.apply(request));
  }

  @Override
  public ExecuteResponse apply(PrepareAndExecuteRequest request) {
    return gated(request.connectionId, () -> delegate.apply(request));
  }

  @Override
  public SyncResultsResponse apply(SyncResultsRequest request) {
    return gated(request.connectionId, () -> delegate.apply(request));
  }

  @Override
  public FetchResponse apply(FetchRequest request) {
    return gated(request.connectionId, () -> delegate.apply(request));
  }

  @Override
  public CreateStatementResponse apply(CreateStatementRequest request) {
    return gated(request.connectionId, () -> delegate.apply(request));
  }

  @Override
  public CloseStatementResponse apply(CloseStatementRequest request) {
    return gated(request.connectionId, () -> delegate.apply(request));
  }

  @Override
  public ConnectionSyncResponse apply(ConnectionSyncRequest request) {
    return gated(request.connectionId, () -> delegate.apply(request));
  }

  @Override
  public DatabasePropertyResponse apply(DatabasePropertyRequest request) {
    return gated(request.connectionId, () -> delegate.apply(request));
  }

  @Override
  public CommitResponse apply(CommitRequest request) {
    return gated(request.connectionId, () -> delegate.apply(request));
  }

  @Override
  public RollbackResponse apply(RollbackRequest request) {
    return gated(request.connectionId, () -> delegate.apply(request));
  }

  @Override
  public ExecuteBatchResponse apply(PrepareAndExecuteBatchRequest request) {
    return gated(request.connectionId, () -> delegate.apply(request));
  }

  @Override
  public ExecuteBatchResponse apply(ExecuteBatchRequest request) {
    return gated(request.connectionId, () -> delegate.apply(request));
  }

  @Override
  public void setRpcMetadata(RpcMetadataResponse metadata) {
    delegate.setRpcMetadata(metadata);
  }

  private <T> T gated(String connectionId, Supplier<T> call) {
    if (!sessions.touch(connectionId, nanoClock.getAsLong())) {
      throw WireErrors.unknownConnection(connectionId);
    }
    try {
      return call.get();
    } catch (RuntimeException e) {
      AvaticaRuntimeException mapped = WireErrors.toAvatica(e);
      if (WireErrors.CONNECTION_DOES_NOT_EXIST.equals(mapped.getSqlState())) {
        sessions.close(connectionId);
      }
      throw mapped;
    }
  }

  private void expireIdle() {
    for (String id : sessions.expire(nanoClock.getAsLong(), idleNanos)) {
      LOG.info("closing connection {}: idle for longer than {} ns", id, idleNanos);
      try {
        delegate.apply(new CloseConnectionRequest(id));
      } catch (RuntimeException e) {
        LOG.debug("closing idle connection {} failed", id, e);
      }
    }
  }
}
