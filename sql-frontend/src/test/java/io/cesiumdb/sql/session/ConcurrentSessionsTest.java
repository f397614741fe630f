package io.cesiumdb.sql.session;

import static io.cesiumdb.sql.session.SqlFixture.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One engine, sessions on several threads: planning and plan sharing are thread-safe. */
class ConcurrentSessionsTest {
  private static final int THREADS = 3;
  private static final int ROWS = 8;

  @Test
  void sessionsOnSeveralThreadsPlanAndShareCachedPlans() throws Exception {
    SqlFixture db = new SqlFixture();
    db.exec("create table t (id int primary key, owner int, label varchar(20))");
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int owner = t;
        done.add(pool.submit(() -> work(db.engine, owner)));
      }
      for (Future<Integer> f : done) {
        assertEquals(ROWS, f.get(60, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(List.of(row((long) THREADS * ROWS)), db.rows("select count(*) from t"));
  }

  /** Inserts ROWS rows through a shared prepared text, then reads them back with its own texts. */
  private static int work(SqlEngine engine, int owner) {
    try (SqlSession s = engine.openSession()) {
      for (int i = 0; i < ROWS; i++) {
        s.execute("insert into t values (?, ?, ?)", List.of(owner * 100 + i, owner, "r" + i));
      }
      String own = "select count(*) from t where owner = " + owner;
      long n = (Long) s.execute(own).rows().get(0)[0];
      Object[] label =
          s.execute("select label from t where id = ?", List.of(owner * 100 + 3)).rows().get(0);
      assertEquals("r3", label[0]);
      return (int) n;
    }
  }
}
