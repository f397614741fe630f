package io.cesiumdb.sql.meta;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.sql.session.PreparedSql;
import io.cesiumdb.sql.session.SqlResult;
import java.util.List;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.remote.TypedValue;

/**
 * Runs statements for Avatica and shapes the outcome as Avatica results: rows become a first frame
 * (the rest is fetched), update counts a count-only result, DDL and transaction control a count of
 * 0 (so {@code execute} returns false). Each call holds its connection's lock from the session call
 * to the frame it returns.
 *
 * <p>Row limits: {@code maxRowCount} of a directly executed statement is {@code setMaxRows}
 * (Avatica sends -1 for "no limit"); the engine's result is cut to it. For prepared statements
 * Avatica sends the fetch size in that place, so it only sizes the first frame. Frames hold at most
 * {@link CesiumMetaConfig#maxFrameRows()} rows, fewer when the driver asks for fewer.
 */
final class StatementRunner {
  private final CesiumMetaConfig config;

  StatementRunner(CesiumMetaConfig config) {
    this.config = config;
  }

  Meta.StatementHandle prepare(MetaConnection c, String sql) {
    synchronized (c) {
      PreparedSql prepared = c.session().prepare(sql);
      MetaStatement s = c.createStatement();
      s.prepared(prepared);
      return new Meta.StatementHandle(c.id(), s.id(), Signatures.of(prepared));
    }
  }

  Meta.ExecuteResult prepareAndExecute(
      MetaConnection c, int statementId, String sql, long maxRowCount, int firstFrameRows)
      throws NoSuchStatementException {
    synchronized (c) {
      MetaStatement s = c.statement(statementId);
      s.clearResults();
      SqlResult result = c.session().execute(sql);
      return result(c, s, sql, limit(result, maxRowCount), firstFrameRows);
    }
  }

  Meta.ExecuteResult execute(
      MetaConnection c, int statementId, List<TypedValue> params, int firstFrameRows)
      throws NoSuchStatementException {
    synchronized (c) {
      MetaStatement s = c.statement(statementId);
      PreparedSql prepared = prepared(s);
      s.clearResults();
      List<Object> values = JdbcValues.toEngine(params, prepared.parameters());
      SqlResult result = c.session().execute(prepared, values);
      return result(c, s, prepared.sql(), result, firstFrameRows);
    }
  }

  Meta.Frame fetch(MetaConnection c, int statementId, long offset, int maxRows)
      throws NoSuchStatementException {
    synchronized (c) {
      return c.statement(statementId).frame(offset, frameRows(maxRows));
    }
  }

  long[] prepareAndExecuteBatch(MetaConnection c, int statementId, List<String> sqls)
      throws NoSuchStatementException {
    synchronized (c) {
      c.statement(statementId).clearResults();
      long[] counts = new long[sqls.size()];
      for (int i = 0; i < counts.length; i++) {
        counts[i] = count(c.session().execute(sqls.get(i)), sqls.get(i));
      }
      return counts;
    }
  }

  long[] executeBatch(MetaConnection c, int statementId, List<List<TypedValue>> batches)
      throws NoSuchStatementException {
    synchronized (c) {
      MetaStatement s = c.statement(statementId);
      PreparedSql prepared = prepared(s);
      s.clearResults();
      long[] counts = new long[batches.size()];
      for (int i = 0; i < counts.length; i++) {
        List<Object> values = JdbcValues.toEngine(batches.get(i), prepared.parameters());
        counts[i] = count(c.session().execute(prepared, values), prepared.sql());
      }
      return counts;
    }
  }

  private Meta.ExecuteResult result(
      MetaConnection c, MetaStatement s, String sql, SqlResult result, int firstFrameRows) {
    Meta.MetaResultSet rs =
        switch (result.kind()) {
          case ROWS -> {
            s.results(result.rows());
            Meta.Frame first = s.frame(0, frameRows(firstFrameRows));
            Meta.Signature signature = Signatures.ofRows(sql, result.columns());
            yield Meta.MetaResultSet.create(c.id(), s.id(), true, signature, first);
          }
          case UPDATE_COUNT -> Meta.MetaResultSet.count(c.id(), s.id(), result.updateCount());
          case OK -> Meta.MetaResultSet.count(c.id(), s.id(), 0);
        };
    return new Meta.ExecuteResult(List.of(rs));
  }

  private static SqlResult limit(SqlResult result, long maxRowCount) {
    if (result.kind() != SqlResult.Kind.ROWS
        || maxRowCount <= 0
        || result.rows().size() <= maxRowCount) {
      return result;
    }
    List<Object[]> rows = result.rows().subList(0, (int) maxRowCount);
    return new SqlResult(SqlResult.Kind.ROWS, result.columns(), rows, -1);
  }

  private int frameRows(int requested) {
    return requested > 0 ? Math.min(requested, config.maxFrameRows()) : config.maxFrameRows();
  }

  private static PreparedSql prepared(MetaStatement s) {
    if (s.prepared() == null) {
      throw new CesiumException(
          ErrorCode.INVALID_ARGUMENT, "statement " + s.id() + " was not prepared");
    }
    return s.prepared();
  }

  private static long count(SqlResult result, String sql) {
    if (result.kind() == SqlResult.Kind.ROWS) {
      throw new CesiumException(
          ErrorCode.VALIDATION_ERROR, "a statement in a batch returned rows: " + sql);
    }
    return result.kind() == SqlResult.Kind.UPDATE_COUNT ? result.updateCount() : 0;
  }
}
