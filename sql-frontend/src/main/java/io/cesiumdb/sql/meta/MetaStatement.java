package io.cesiumdb.sql.meta;

import io.cesiumdb.sql.session.PreparedSql;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.Meta;

/**
 * One Avatica statement of a connection: the statement it prepared (if any) and the rows of its
 * last query, which the driver reads frame by frame. Results are fully materialised by the engine;
 * the rows are released once the last frame has been sent. Guarded by its connection's lock.
 */
final class MetaStatement {
  private final int id;
  private PreparedSql prepared;
  private List<Object[]> rows;

  MetaStatement(int id) {
    this.id = id;
  }

  int id() {
    return id;
  }

  PreparedSql prepared() {
    return prepared;
  }

  void prepared(PreparedSql statement) {
    this.prepared = statement;
  }

  /** Installs the rows of a new execution (dropping any unread rest of the previous one). */
  void results(List<Object[]> newRows) {
    this.rows = newRows;
  }

  /** Forgets the rows of the last execution. */
  void clearResults() {
    this.rows = null;
  }

  /**
   * Rows {@code offset ..} (at most {@code maxRows}), converted for the wire; {@code done} once the
   * last row is in. A fetch after the end, or with no rows held, is an empty done frame.
   */
  Meta.Frame frame(long offset, int maxRows) {
    if (rows == null || offset >= rows.size()) {
      rows = null;
      return new Meta.Frame(offset, true, List.of());
    }
    int from = (int) offset;
    int to = (int) Math.min(rows.size(), (long) from + maxRows);
    List<Object> out = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      out.add(JdbcValues.toFrameRow(rows.get(i)));
    }
    boolean done = to == rows.size();
    if (done) {
      rows = null;
    }
    return new Meta.Frame(offset, done, out);
  }
}
