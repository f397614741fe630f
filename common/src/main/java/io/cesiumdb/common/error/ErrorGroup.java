package io.cesiumdb.common.error;

/**
 * The families of {@link ErrorCode}s. Each group owns a stable prefix and a stable number; a code's
 * id is {@code PREFIX-number}, for example {@code TXN-1}, and its JDBC vendor code is {@code
 * groupNumber * 1000 + number}, for example 6001 (both frozen by {@code error-codes.golden}).
 */
public enum ErrorGroup {
  /** Failures with no better home: internal errors, bad arguments, unavailability. */
  COMMON("CMN", 1),
  /** TrueTime and clock discipline. */
  CLOCK("CLK", 2),
  /** The MVCC store and its files. */
  STORAGE("STO", 3),
  /** Raft groups: leadership, membership, log. */
  REPLICATION("REP", 4),
  /** Finding the tablet and leader that own a key. Retryable by the router. */
  ROUTING("RTE", 5),
  /** Transactions: conflicts, wounds, aborts. */
  TXN("TXN", 6),
  /** Schemas, tables and the tablet directory. */
  CATALOG("CAT", 7),
  /** Parsing, validating and executing SQL. */
  SQL("SQL", 8),
  /** Users and credentials. */
  AUTH("AUTH", 9),
  /** The client connection itself. The only group that may use SQLSTATE class 08. */
  CONNECTION("CONN", 10);

  private final String prefix;
  private final int number;

  ErrorGroup(String prefix, int number) {
    this.prefix = prefix;
    this.number = number;
  }

  /** The stable number of this group: the thousands of its codes' vendor codes. */
  public int number() {
    return number;
  }

  /** The stable prefix of every code in this group. */
  public String prefix() {
    return prefix;
  }
}
