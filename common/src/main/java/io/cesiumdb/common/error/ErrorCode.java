package io.cesiumdb.common.error;

import static io.cesiumdb.common.error.ErrorGroup.AUTH;
import static io.cesiumdb.common.error.ErrorGroup.CATALOG;
import static io.cesiumdb.common.error.ErrorGroup.CLOCK;
import static io.cesiumdb.common.error.ErrorGroup.COMMON;
import static io.cesiumdb.common.error.ErrorGroup.CONNECTION;
import static io.cesiumdb.common.error.ErrorGroup.REPLICATION;
import static io.cesiumdb.common.error.ErrorGroup.ROUTING;
import static io.cesiumdb.common.error.ErrorGroup.SQL;
import static io.cesiumdb.common.error.ErrorGroup.STORAGE;
import static io.cesiumdb.common.error.ErrorGroup.TXN;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registry of stable error codes. Reviewed like an API: a code's group, number and SQLSTATE
 * never change once released, and numbers are never reused. {@code ErrorCodeRegistryTest} compares
 * this enum against a golden file so that a change is always deliberate.
 *
 * <p>SQLSTATE classes used: 08 (connection really gone, CONNECTION group only), 0A (feature not
 * supported), 22 (data exception), 23 (constraint violation), 25 (invalid transaction state), 28
 * (authorization), 40001 (retryable serialization failure), 40003 (statement completion unknown: a
 * commit that may or may not have been applied; not to be retried blindly), 42 (syntax or
 * semantics), 57 (operator intervention: the node refuses for now), 58 (system error), XX
 * (internal).
 */
public enum ErrorCode {
  INTERNAL(COMMON, 1, "XX000", false, "internal error"),
  INVALID_ARGUMENT(COMMON, 2, "22023", false, "invalid argument"),
  UNAVAILABLE(COMMON, 3, "57P03", true, "service temporarily unavailable"),
  DEADLINE_EXCEEDED(COMMON, 4, "57014", true, "deadline exceeded"),
  SHUTTING_DOWN(COMMON, 5, "57P01", true, "node is shutting down"),

  CLOCK_FENCED(CLOCK, 1, "57P03", true, "node fenced: clock offset beyond bound"),
  CLOCK_ADMIN_REFUSED(CLOCK, 2, "55000", false, "clock control requires a simulated clock"),

  STORAGE_IO(STORAGE, 1, "58030", false, "storage I/O error"),
  STORAGE_CORRUPTION(STORAGE, 2, "XX001", false, "stored data is corrupt"),

  RAFT_GROUP_NOT_FOUND(REPLICATION, 1, "58000", true, "raft group not hosted here"),
  RAFT_TIMEOUT(REPLICATION, 2, "57014", true, "replication timed out"),
  REPLICA_BEHIND(REPLICATION, 3, "57P03", true, "replica's safe time is below the read timestamp"),

  NOT_LEADER(ROUTING, 1, "40001", true, "replica is not the leader"),
  TABLET_MOVED(ROUTING, 2, "40001", true, "tablet descriptor is stale"),
  TABLET_NOT_FOUND(ROUTING, 3, "40001", true, "tablet not found"),

  TXN_ABORTED(TXN, 1, "40001", true, "transaction aborted"),
  TXN_WOUNDED(TXN, 2, "40001", true, "transaction wounded by an older transaction"),
  TXN_CONFLICT(TXN, 3, "40001", true, "transaction conflict"),
  TXN_NOT_FOUND(TXN, 4, "25P01", false, "no such transaction"),
  TXN_READ_ONLY(TXN, 5, "25006", false, "write in a read-only transaction"),
  TXN_SNAPSHOT_TOO_OLD(TXN, 6, "72000", false, "snapshot timestamp older than retention"),
  TXN_OUTCOME_UNKNOWN(TXN, 7, "40003", false, "commit sent; it may or may not have been applied"),

  SCHEMA_NOT_FOUND(CATALOG, 1, "3F000", false, "schema does not exist"),
  TABLE_NOT_FOUND(CATALOG, 2, "42P01", false, "table does not exist"),
  TABLE_EXISTS(CATALOG, 3, "42P07", false, "table already exists"),
  COLUMN_NOT_FOUND(CATALOG, 4, "42703", false, "column does not exist"),

  SYNTAX_ERROR(SQL, 1, "42601", false, "syntax error"),
  VALIDATION_ERROR(SQL, 2, "42000", false, "invalid statement"),
  UNIQUE_VIOLATION(SQL, 3, "23505", false, "duplicate key value"),
  NOT_NULL_VIOLATION(SQL, 4, "23502", false, "null value in a NOT NULL column"),
  DATA_EXCEPTION(SQL, 5, "22000", false, "data exception"),
  NUMERIC_OUT_OF_RANGE(SQL, 6, "22003", false, "numeric value out of range"),
  FEATURE_NOT_SUPPORTED(SQL, 7, "0A000", false, "feature not supported"),

  AUTH_FAILED(AUTH, 1, "28P01", false, "invalid user name or password"),

  CONNECTION_FAILURE(CONNECTION, 1, "08006", true, "connection failure"),
  CONNECTION_REFUSED(CONNECTION, 2, "08001", true, "unable to establish connection");

  private static final Map<String, ErrorCode> BY_ID =
      Arrays.stream(values()).collect(Collectors.toMap(ErrorCode::id, Function.identity()));
  private static final Map<Integer, ErrorCode> BY_VENDOR_CODE =
      Arrays.stream(values()).collect(Collectors.toMap(ErrorCode::vendorCode, Function.identity()));

  private final ErrorGroup group;
  private final int number;
  private final String sqlState;
  private final boolean retryable;
  private final String description;

  ErrorCode(ErrorGroup group, int number, String sqlState, boolean retryable, String description) {
    this.group = group;
    this.number = number;
    this.sqlState = sqlState;
    this.retryable = retryable;
    this.description = description;
  }

  /** The stable id, for example {@code TXN-1}; what logs, the wire and clients carry. */
  public String id() {
    return group.prefix() + "-" + number;
  }

  /**
   * The stable number a JDBC client reads from {@code SQLException.getErrorCode()}: {@code
   * group.number() * 1000 + number()}, for example 2001 for {@code CLK-1}. SQLSTATEs are shared by
   * several codes (57P03 is "unavailable", "clock fenced" and "replica behind"); this is not.
   */
  public int vendorCode() {
    return group.number() * 1000 + number;
  }

  public ErrorGroup group() {
    return group;
  }

  public int number() {
    return number;
  }

  /** The five-character SQLSTATE a SQL client sees for this code. */
  public String sqlState() {
    return sqlState;
  }

  /** True when the same request may succeed if retried (after backoff, or elsewhere). */
  public boolean retryable() {
    return retryable;
  }

  public String description() {
    return description;
  }

  /** Looks a code up by its JDBC vendor code ({@link #vendorCode}). */
  public static Optional<ErrorCode> byVendorCode(int vendorCode) {
    return Optional.ofNullable(BY_VENDOR_CODE.get(vendorCode));
  }

  /** Looks a code up by its id, as carried on the wire. */
  public static Optional<ErrorCode> byId(String id) {
    return Optional.ofNullable(BY_ID.get(id));
  }
}
