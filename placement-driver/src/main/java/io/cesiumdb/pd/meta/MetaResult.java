package io.cesiumdb.pd.meta;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.common.error.RetryHint;
import java.util.Objects;

/**
 * The outcome of applying one {@code MetaCommand}: a success payload (what the command created or
 * changed) or an error as data. A failed command left the state unchanged.
 *
 * <p>Payloads per command: RegisterNode and Heartbeat → {@code NodeEntry}; CreateSchema and
 * DropSchema → {@link SchemaChange}; CreateUser and DropUser → {@link UserChange}; CreateTable →
 * {@link TableCreated}; DropTable → {@link TableDropped}; SplitTablet → {@link TabletSplit};
 * UpdateReplicas and UpdateLeader → the new {@code TabletEntry}; AllocateTabletIds → the first id
 * reserved ({@code Long}).
 */
public sealed interface MetaResult {

  static MetaResult ok(Object value) {
    return new Ok(value);
  }

  static MetaResult failed(ErrorCode code, String message) {
    return new Failed(code, message, null);
  }

  static MetaResult failed(CesiumException e) {
    return new Failed(e.code(), rawMessage(e), e.hint().orElse(null));
  }

  private static String rawMessage(CesiumException e) {
    String m = e.getMessage();
    String prefix = "[" + e.code().id() + "] ";
    return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
  }

  boolean isOk();

  /** The success payload as {@code type}; throws the error if the command failed. */
  <T> T value(Class<T> type);

  /** A successful command and what it produced. */
  record Ok(Object value) implements MetaResult {
    public Ok {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public boolean isOk() {
      return true;
    }

    @Override
    public <T> T value(Class<T> type) {
      return type.cast(value);
    }
  }

  /**
   * A rejected command: a stable code, a message for people and, for routing errors, the retry hint
   * (e.g. {@link RetryHint.TabletMoved} with the current epoch).
   */
  record Failed(ErrorCode code, String message, RetryHint hint) implements MetaResult {
    public Failed {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(message, "message");
    }

    @Override
    public boolean isOk() {
      return false;
    }

    @Override
    public <T> T value(Class<T> type) {
      throw toException();
    }

    public CesiumException toException() {
      return new CesiumException(code, message, hint, null);
    }
  }
}
