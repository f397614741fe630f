package io.cesiumdb.tablet.storage;

/**
 * Unchecked failure of the storage engine: a RocksDB error, an I/O error while exporting or
 * importing a range, corrupt stored bytes, or use of a closed store.
 *
 * <p>Callers above the storage layer (the tablet state machine) treat it as fatal for the replica:
 * an apply that fails half-way cannot be retried safely by the caller, so the replica stops and
 * recovers from its Raft log. Invalid arguments are reported as {@link IllegalArgumentException}
 * instead.
 */
public final class StorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message and the underlying engine or I/O failure. */
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Creates an exception with a message only. */
  public StorageException(String message) {
    super(message);
  }
}
