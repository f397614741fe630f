package io.cesiumdb.sql.session;

import static io.cesiumdb.sql.session.SqlFixture.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Plans are built once and reused: counted by the planner ({@link SqlEngine#plansBuilt()}), not by
 * time. Every plan build includes compiling its generated code, so an execution that builds no plan
 * generates and compiles nothing.
 */
class PlanCacheTest {
  private final SqlFixture db = new SqlFixture();

  @BeforeEach
  void load() {
    db.exec("create table t (id bigint primary key, v varchar(10))");
    db.exec("insert into t values (1, 'one'), (2, 'two')");
  }

  @Test
  void preparedPointQueryIsPlannedOnceAndRunsWithNewParameters() {
    AtomicInteger codegen = new AtomicInteger();
    try (Hook.Closeable h = Hook.JAVA_PLAN.addThread((Object code) -> codegen.incrementAndGet())) {
      PreparedSql q = db.session.prepare("select v from t where id = ?");
      long built = db.engine.plansBuilt();
      assertEquals(1, codegen.get(), "code generated once, at prepare");
      assertEquals(List.of(row("one")), SqlFixture.rowsOf(db.session.execute(q, List.of(1L))));
      assertEquals(List.of(row("two")), SqlFixture.rowsOf(db.session.execute(q, List.of(2L))));
      assertEquals(List.of(), SqlFixture.rowsOf(db.session.execute(q, List.of(3L))));
      assertEquals(built, db.engine.plansBuilt(), "no execution planned again");
      assertEquals(1, codegen.get(), "no execution generated code");
    }
  }

  @Test
  void sameTextIsACacheHitAcrossSessions() {
    String sql = "select count(*) from t where id > ?";
    db.rows(sql, 0L);
    long built = db.engine.plansBuilt();
    long hits = db.engine.planCacheHits();
    try (SqlSession other = db.engine.openSession()) {
      assertEquals(List.of(row(1L)), SqlFixture.rowsOf(other.execute(sql, List.of(1L))));
    }
    assertEquals(List.of(row(2L)), db.rows(sql, 0L));
    assertEquals(built, db.engine.plansBuilt());
    assertEquals(hits + 2, db.engine.planCacheHits());
  }

  @Test
  void ddlMakesPlansStaleAndAPreparedStatementReplansOnce() {
    PreparedSql q = db.session.prepare("select v from t where id = ?");
    long built = db.engine.plansBuilt();
    db.exec("drop table t");
    db.exec("create table t (id bigint primary key, v varchar(10))");
    db.exec("insert into t values (1, 'new')");
    long afterDdl = db.engine.plansBuilt();
    assertTrue(afterDdl > built, "the INSERT on the new table was planned");
    assertEquals(List.of(row("new")), SqlFixture.rowsOf(db.session.execute(q, List.of(1L))));
    assertEquals(afterDdl + 1, db.engine.plansBuilt());
    db.session.execute(q, List.of(1L));
    assertEquals(afterDdl + 1, db.engine.plansBuilt());
  }

  @Test
  void withoutACacheEveryExecutionPlans() {
    SqlFixture uncached = new SqlFixture(new SqlEngineConfig(0, 1));
    uncached.exec("create table t (id bigint primary key)");
    long built = uncached.engine.plansBuilt();
    uncached.rows("select * from t");
    uncached.rows("select * from t");
    assertEquals(built + 2, uncached.engine.plansBuilt());
  }

  @Test
  void preparedStatementDescribesParametersAndColumns() {
    PreparedSql q = db.session.prepare("select id, v from t where v = ? and id < ?");
    assertTrue(q.returnsRows());
    assertEquals(
        List.of(SqlTypeName.VARCHAR, SqlTypeName.BIGINT),
        q.parameters().stream().map(ResultColumn::type).toList());
    assertEquals(List.of("ID", "V"), q.columns().stream().map(ResultColumn::name).toList());
    PreparedSql insert = db.session.prepare("insert into t values (?, ?)");
    assertFalse(insert.returnsRows());
    assertEquals(2, insert.parameters().size());
    assertEquals(1, db.session.execute(insert, List.of(3L, "three")).updateCount());
    PreparedSql commit = db.session.prepare("commit");
    assertEquals(SqlResult.Kind.OK, db.session.execute(commit, List.of()).kind());
  }
}
