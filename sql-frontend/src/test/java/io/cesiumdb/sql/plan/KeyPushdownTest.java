package io.cesiumdb.sql.plan;

import static io.cesiumdb.sql.session.SqlFixture.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.sql.session.SqlFixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Filters on a primary-key prefix become point lookups and key ranges (EXPLAIN shows which), a
 * point query never scans, and results stay exactly those of the filter. Table {@code EV}: key
 * (TENANT, SEQ), tenants 1..3 × seq 1..5; table {@code S}: a VARCHAR key.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyPushdownTest {
  private final SqlFixture db = new SqlFixture();

  @BeforeAll
  void load() {
    db.exec("create table ev (tenant int, seq bigint, kind varchar(5), primary key (tenant, seq))");
    db.exec("create table s (k varchar(10) primary key, n int)");
    StringBuilder values = new StringBuilder();
    for (int t = 1; t <= 3; t++) {
      for (int q = 1; q <= 5; q++) {
        values.append(values.isEmpty() ? "" : ", ");
        values
            .append("(")
            .append(t)
            .append(", ")
            .append(q)
            .append(", '")
            .append(q % 2 == 0 ? "even" : "odd")
            .append("')");
      }
    }
    db.exec("insert into ev values " + values);
    db.exec("insert into s values ('a', 1), ('b', 2), ('bb', 3), ('c', 4), ('d', 5)");
  }

  @Test
  void fullKeyEqualityIsAPointLookupThatNeverScans() {
    String sql = "select kind from ev where tenant = 2 and seq = 4";
    assertTrue(db.explain(sql).contains("keys=[point=[TENANT = 2, SEQ = 4]]"), db.explain(sql));
    db.store.reset();
    assertEquals(List.of(row("even")), db.rows(sql));
    assertEquals(0, db.store.scans.get());
    assertEquals(1, db.store.gets.get());
  }

  @Test
  void parametersBindTheKeyAtExecution() {
    String sql = "select kind from ev where seq = ? and tenant = ?";
    assertTrue(db.explain(sql).contains("point=[TENANT = ?1, SEQ = ?0]"), db.explain(sql));
    db.store.reset();
    assertEquals(List.of(row("odd")), db.rows(sql, 3L, 1));
    assertEquals(List.of(), db.rows(sql, 9L, 1));
    assertEquals(List.of(), db.rows(sql, null, 1), "k = NULL matches nothing");
    assertEquals(0, db.store.scans.get());
  }

  @Test
  void keyPrefixIsARange() {
    String sql = "select seq from ev where tenant = 2";
    assertTrue(db.explain(sql).contains("keys=[range=[TENANT = 2]]"), db.explain(sql));
    assertEquals(seqs(1, 5), db.rows(sql));
  }

  @Test
  void rangeOnTheColumnAfterThePrefix() {
    String sql = "select seq from ev where tenant = 2 and seq >= 2 and seq < 4";
    assertTrue(db.explain(sql).contains("range=[TENANT = 2, SEQ >= 2, SEQ < 4]"), db.explain(sql));
    assertEquals(seqs(2, 3), db.rows(sql));
    String params = "select seq from ev where tenant = ? and seq > ? and seq <= ?";
    assertTrue(db.explain(params).contains("range=[TENANT = ?0, SEQ > ?1, SEQ <= ?2]"));
    assertEquals(seqs(4, 5), db.rows(params, 3, 3L, 9L));
    assertEquals(List.of(), db.rows(params, 3, 4L, 2L), "an inverted range is empty");
  }

  @Test
  void inListsAreSeveralPointsOrRanges() {
    db.store.reset();
    assertEquals(
        List.of(row(1, 5L), row(3, 5L)),
        db.rows("select tenant, seq from ev where tenant in (3, 1) and seq = 5"));
    assertEquals(0, db.store.scans.get());
    String params = "select seq from ev where tenant = ? and seq in (?, ?)";
    assertTrue(db.explain(params).contains("point=[TENANT = ?0, SEQ = ?1] OR point"));
    assertEquals(List.of(row(2L)), db.rows(params, 1, 2L, 2L), "same key twice, one row");
    String tenants = "select count(*) from ev where tenant = 1 or tenant = 3";
    assertTrue(db.explain(tenants).contains("range=[TENANT = 1] OR range=[TENANT = 3]"));
    assertEquals(List.of(row(10L)), db.rows(tenants));
  }

  @Test
  void otherConditionsStayAsAResidualFilter() {
    String sql = "select seq from ev where tenant = 2 and kind = 'even'";
    String plan = db.explain(sql);
    assertTrue(plan.contains("range=[TENANT = 2]") && plan.contains("EnumerableCalc"), plan);
    assertEquals(List.of(row(2L), row(4L)), db.rows(sql));
  }

  @Test
  void filtersOffTheKeyPrefixScanTheTable() {
    String sql = "select tenant from ev where seq = 3";
    assertTrue(db.explain(sql).contains("keys=[full]"), db.explain(sql));
    assertEquals(List.of(row(1), row(2), row(3)), db.rows(sql));
    String inexact = "select tenant from ev where tenant = 2.5";
    assertTrue(db.explain(inexact).contains("keys=[full]"), db.explain(inexact));
    assertEquals(List.of(), db.rows(inexact));
  }

  @Test
  void stringKeyRanges() {
    assertEquals(
        List.of(row("bb"), row("c"), row("d")),
        db.rows("select k from s where k > 'b' and k <= 'd'"));
    assertEquals(
        List.of(row("b"), row("bb")), db.rows("select k from s where k between 'b' and 'bz'"));
    assertEquals(List.of(row(3)), db.rows("select n from s where k = ?", "bb"));
    assertEquals(List.of(), db.rows("select n from s where k = ?", "bb-but-longer-than-the-key"));
  }

  @Test
  void limitGoesIntoTheScanWhenTheOrderIsTheKeyOrder() {
    String sql = "select seq from ev where tenant = 3 order by tenant, seq limit 2";
    assertTrue(db.explain(sql).contains("limit=[2]"), db.explain(sql));
    assertEquals(seqs(1, 2), db.rows(sql));
    String desc = "select seq from ev where tenant = 3 order by seq desc limit 2";
    assertFalse(db.explain(desc).contains("limit=[2]"), db.explain(desc));
    assertEquals(List.of(row(5L), row(4L)), db.rows(desc));
    String offset = "select seq from ev limit 2 offset 6";
    assertTrue(db.explain(offset).contains("limit=[8]"), db.explain(offset));
    assertEquals(2, db.rows(offset).size());
  }

  @Test
  void updateAndDeleteByKeyDoNotScan() {
    db.store.reset();
    assertEquals(1, db.update("update s set n = n + 10 where k = 'a'"));
    assertEquals(0, db.store.scans.get());
    assertTrue(db.explain("delete from s where k = 'zz'").contains("point=[K = 'zz']"));
    assertEquals(List.of(row(11)), db.rows("select n from s where k = 'a'"));
  }

  private static List<List<Object>> seqs(long from, long to) {
    List<List<Object>> out = new ArrayList<>();
    for (long s = from; s <= to; s++) {
      out.add(row(s));
    }
    return out;
  }
}
