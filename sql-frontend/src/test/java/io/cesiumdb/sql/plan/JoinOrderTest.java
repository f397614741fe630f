package io.cesiumdb.sql.plan;

import static io.cesiumdb.sql.session.SqlFixture.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.sql.session.SqlFixture;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Many-way joins are reordered along their join conditions, so a FROM list written in an order
 * whose neighbours share no condition (sqllogictest's select5 style) builds no cartesian product;
 * results are those of the order written. Tables {@code T1}..{@code T7}: {@code K} 1..10, {@code A
 * = K}, {@code B = K + 1} (so {@code Ti.B = Tj.A} chains rows k, k + 1, ...).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JoinOrderTest {
  private static final String CHAIN =
      " from t1, t3, t5, t7, t2, t4, t6"
          + " where t1.b = t2.a and t2.b = t3.a and t3.b = t4.a and t4.b = t5.a"
          + " and t5.b = t6.a and t6.b = t7.a";

  private final SqlFixture db = new SqlFixture();

  @BeforeAll
  void load() {
    for (int t = 1; t <= 7; t++) {
      db.exec("create table t" + t + " (k int primary key, a int, b int)");
      StringBuilder values = new StringBuilder();
      for (int k = 1; k <= 10; k++) {
        values.append(k == 1 ? "" : ", ").append("(" + k + ", " + k + ", " + (k + 1) + ")");
      }
      db.exec("insert into t" + t + " values " + values);
    }
  }

  @Test
  void aSevenWayChainWrittenOutOfOrderJoinsAlongItsConditions() {
    String sql = "select t1.k, t7.k" + CHAIN;
    String plan = db.explain(sql);
    assertFalse(plan.contains("condition=[true]"), plan);
    assertEquals(6, plan.split("Join\\(condition=\\[=\\(", -1).length - 1, plan);
    assertEquals(
        List.of(row(1, 7), row(2, 8), row(3, 9), row(4, 10)), db.rows(sql + " order by t1.k"));
  }

  @Test
  void outerJoinsAmongManyKeepTheirMeaning() {
    String sql =
        "select t1.k, t6.k from t1 join t2 on t1.b = t2.a join t3 on t2.b = t3.a"
            + " join t4 on t3.b = t4.a join t5 on t4.b = t5.a"
            + " left join t6 on t5.b = t6.a and t6.k < 10 where t1.k > 3 order by t1.k";
    assertEquals(List.of(row(4, 9), row(5, null), row(6, null)), db.rows(sql), db.explain(sql));
  }

  @Test
  void fewJoinsRunInTheOrderWritten() {
    String sql = "select t1.k from t1, t3, t2 where t1.b = t2.a and t2.b = t3.a and t1.k = 1";
    assertTrue(db.explain(sql).contains("condition=[true]"), db.explain(sql));
    assertEquals(List.of(row(1)), db.rows(sql));
  }
}
