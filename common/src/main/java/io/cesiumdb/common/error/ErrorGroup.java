package io.cesiumdb.common.error;

/**
 * The families of {@link ErrorCode}s. Each group owns a stable prefix; a code's id is {@code
 * PREFIX-number}, for example {@code TXN-1}.
 */
public enum ErrorGroup {
  /** Failures with no better home: internal errors, bad arguments, unavailability. */
  COMMON("CMN"),
  /** TrueTime and clock discipline. */
  CLOCK("CLK"),
  /** The MVCC store and its files. */
  STORAGE("STO"),
  /** Raft groups: leadership, membership, log. */
  REPLICATION("REP"),
  /** Finding the tablet and leader that own a key. Retryable by the router. */
  ROUTING("RTE"),
  /** Transactions: conflicts, wounds, aborts. */
  TXN("TXN"),
  /** Schemas, tables and the tablet directory. */
  CATALOG("CAT"),
  /** Parsing, validating and executing SQL. */
  SQL("SQL"),
  /** Users and credentials. */
  AUTH("AUTH"),
  /** The client connection itself. The only group that may use SQLSTATE class 08. */
  CONNECTION("CONN");

  private final String prefix;

  ErrorGroup(String prefix) {
    this.prefix = prefix;
  }

  /** The stable prefix of every code in this group. */
  public String prefix() {
    return prefix;
  }
}
