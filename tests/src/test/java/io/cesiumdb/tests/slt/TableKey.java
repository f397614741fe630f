package io.cesiumdb.tests.slt;

/**
 * How the harness keys one sqllogictest table, chosen so that every query sees exactly the rows and
 * columns the test file wrote.
 *
 * @param kind where the key comes from
 * @param column the key column for {@link Kind#COLUMN}, else null
 */
record TableKey(Kind kind, String column) {
  /** Where a table's primary key comes from. */
  enum Kind {
    /** The CREATE TABLE declares one: the statement runs as written. */
    DECLARED,
    /**
     * A column that every insert in the file fills with a distinct non-NULL literal and no
     * statement updates: declared PRIMARY KEY (and NOT NULL), which changes no result.
     */
    COLUMN,
    /**
     * No column qualifies: an extra BIGINT column, numbered by the harness on every INSERT. Only a
     * {@code SELECT *} over the table would see it.
     */
    ROWID
  }

  static final TableKey DECLARED = new TableKey(Kind.DECLARED, null);
  static final TableKey ROWID = new TableKey(Kind.ROWID, null);

  static TableKey column(String column) {
    return new TableKey(Kind.COLUMN, column);
  }
}
