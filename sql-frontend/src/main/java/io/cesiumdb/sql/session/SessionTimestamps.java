package io.cesiumdb.sql.session;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.sql.exec.KvTxn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The timestamps of a session's last transactions, as {@code SHOW} answers them (Spanner's JDBC
 * driver has the same two variables): {@code COMMIT_TIMESTAMP}, the commit timestamp of the last
 * read-write transaction that committed, and {@code READ_TIMESTAMP}, the snapshot timestamp of the
 * last read-only transaction or autocommitted query. Both are TrueTime microseconds (BIGINT), NULL
 * before the first one. They let a client place its operations on the database's time line: a
 * consistency checker explains an anomaly with them, an application reads "as of" a commit.
 */
final class SessionTimestamps {
  static final String COMMIT_TIMESTAMP = "COMMIT_TIMESTAMP";
  static final String READ_TIMESTAMP = "READ_TIMESTAMP";

  private Long lastCommitTs;
  private Long lastReadTs;

  /** Records what {@code txn.commit()} returned: a read timestamp or a commit timestamp. */
  void committed(KvTxn txn, long ts) {
    if (txn.readOnly()) {
      lastReadTs = ts;
    } else {
      lastCommitTs = ts;
    }
  }

  /** {@code SHOW name}: one row, one BIGINT column named after the variable. */
  SqlResult show(String name) {
    String variable = name.toUpperCase(Locale.ROOT);
    Long value =
        switch (variable) {
          case COMMIT_TIMESTAMP -> lastCommitTs;
          case READ_TIMESTAMP -> lastReadTs;
          default ->
              throw new CesiumException(
                  ErrorCode.VALIDATION_ERROR,
                  "unknown session variable "
                      + name
                      + "; SHOW knows "
                      + COMMIT_TIMESTAMP
                      + " and "
                      + READ_TIMESTAMP);
        };
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {value});
    return SqlResult.rows(
        List.of(new ResultColumn(variable, SqlTypeName.BIGINT, 19, 0, true)), rows);
  }
}
