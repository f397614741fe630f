package io.cesiumdb.sql.session;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.sql.catalog.InMemoryCatalog;
import io.cesiumdb.sql.ddl.InMemoryDdlExecutor;
import io.cesiumdb.sql.exec.CountingKvStore;
import io.cesiumdb.sql.exec.InMemoryKvStore;
import io.cesiumdb.sql.types.EngineValues;
import io.cesiumdb.truetime.TimeSource;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assertions;

/**
 * An engine over memory (catalog, DDL, MVCC store behind a {@link CountingKvStore}) with a fixed
 * clock, and one session on it; helpers turn results into lists that {@code assertEquals} can
 * compare.
 */
public final class SqlFixture {
  /** The statement clock: 2024-05-06T07:08:09.123 (as engine millis). */
  public static final LocalDateTime NOW = LocalDateTime.of(2024, 5, 6, 7, 8, 9, 123_000_000);

  public final InMemoryCatalog catalog = InMemoryCatalog.withDefaultSchema();
  public final InMemoryKvStore memory = new InMemoryKvStore();
  public final CountingKvStore store = new CountingKvStore(memory);
  public final SqlEngine engine;
  public final SqlSession session;

  public SqlFixture() {
    this(SqlEngineConfig.defaults());
  }

  public SqlFixture(SqlEngineConfig config) {
    long micros = EngineValues.toMillis(NOW) * 1000;
    TimeSource clock =
        new TimeSource() {
          @Override
          public long nowMicros() {
            return micros;
          }

          @Override
          public void sleepMicros(long m) {
            throw new UnsupportedOperationException();
          }
        };
    engine = new SqlEngine(catalog, new InMemoryDdlExecutor(catalog), store, clock, config);
    session = engine.openSession();
  }

  public SqlResult exec(String sql, Object... params) {
    return session.execute(sql, Arrays.asList(params));
  }

  /** The rows of a query, each as a list. */
  public List<List<Object>> rows(String sql, Object... params) {
    return rowsOf(exec(sql, params));
  }

  public static List<List<Object>> rowsOf(SqlResult r) {
    List<List<Object>> out = new ArrayList<>();
    for (Object[] row : r.rows()) {
      out.add(Arrays.asList(row));
    }
    return out;
  }

  public long update(String sql, Object... params) {
    SqlResult r = exec(sql, params);
    Assertions.assertEquals(SqlResult.Kind.UPDATE_COUNT, r.kind());
    return r.updateCount();
  }

  /** The EXPLAIN PLAN FOR text of {@code sql}. */
  public String explain(String sql) {
    return (String) exec("explain plan for " + sql).rows().get(0)[0];
  }

  public CesiumException fails(ErrorCode code, String sql, Object... params) {
    CesiumException e = assertThrows(CesiumException.class, () -> exec(sql, params));
    Assertions.assertEquals(code, e.code(), e.getMessage());
    return e;
  }

  public static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }
}
