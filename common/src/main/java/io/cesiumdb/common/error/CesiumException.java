package io.cesiumdb.common.error;

import java.util.Objects;
import java.util.Optional;

/**
 * The one exception family of CesiumDB. Every error that crosses a module boundary is a {@code
 * CesiumException} with a stable {@link ErrorCode}; routing and transaction errors also carry a
 * {@link RetryHint}. Unchecked, because async APIs fail their futures with it rather than throw.
 *
 * <p>The message is for people; programs look at {@link #code()} and {@link #hint()}.
 */
public class CesiumException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final transient RetryHint hint;

  public CesiumException(ErrorCode code, String message) {
    this(code, message, null, null);
  }

  public CesiumException(ErrorCode code, String message, Throwable cause) {
    this(code, message, null, cause);
  }

  public CesiumException(ErrorCode code, String message, RetryHint hint, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
    this.hint = hint;
  }

  /** Shorthand for a retryable error that says where or why to retry. */
  public static CesiumException retry(ErrorCode code, String message, RetryHint hint) {
    if (!code.retryable()) {
      throw new IllegalArgumentException(code.id() + " is not a retryable code");
    }
    return new CesiumException(code, message, hint, null);
  }

  public ErrorCode code() {
    return code;
  }

  public String sqlState() {
    return code.sqlState();
  }

  public boolean isRetryable() {
    return code.retryable();
  }

  public Optional<RetryHint> hint() {
    return Optional.ofNullable(hint);
  }

  /** The message prefixed with the stable code id, for example {@code [TXN-2] wounded by ...}. */
  @Override
  public String getMessage() {
    return "[" + code.id() + "] " + super.getMessage();
  }

  /** Finds the first {@code CesiumException} in a cause chain, or wraps as {@code INTERNAL}. */
  public static CesiumException from(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof CesiumException ce) {
        return ce;
      }
    }
    return new CesiumException(ErrorCode.INTERNAL, String.valueOf(t), t);
  }
}
