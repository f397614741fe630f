package io.cesiumdb.sql.session;

import static io.cesiumdb.sql.session.SqlFixture.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cesiumdb.sql.types.EngineValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What Calcite gives once scans work: joins, aggregates, ordering, limits, sub-queries, set
 * operations, CASE and scalar functions, end to end over the in-memory store. One data set for the
 * class (queries do not write).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryTest {
  private final SqlFixture db = new SqlFixture();

  @BeforeAll
  void load() {
    db.exec("create table dept (id int primary key, name varchar(20) not null)");
    db.exec(
        "create table emp (id int primary key, name varchar(20) not null, dept int,"
            + " salary decimal(10, 2), hired date)");
    db.exec("insert into dept values (1, 'eng'), (2, 'ops'), (3, 'empty')");
    db.exec(
        "insert into emp values"
            + " (10, 'ann', 1, 100.00, date '2020-01-15'),"
            + " (11, 'bob', 1, 80.50, date '2021-06-01'),"
            + " (12, 'cy', 2, 70.00, date '2019-03-10'),"
            + " (13, 'dee', null, 50.00, null)");
  }

  @Test
  void innerAndOuterJoins() {
    assertEquals(
        List.of(row("ann", "eng"), row("bob", "eng"), row("cy", "ops")),
        db.rows("select e.name, d.name from emp e join dept d on e.dept = d.id order by e.id"));
    assertEquals(
        List.of(row("empty", 0L), row("eng", 2L), row("ops", 1L)),
        db.rows(
            "select d.name, count(e.id) from dept d left join emp e on e.dept = d.id"
                + " group by d.name order by d.name"));
    assertEquals(
        List.of(row("dee", null)),
        db.rows(
            "select e.name, d.name from emp e left join dept d on e.dept = d.id where d.id is null"));
  }

  @Test
  void groupByHavingAndAggregates() {
    assertEquals(
        List.of(row(1, 2L, new BigDecimal("180.50"), new BigDecimal("80.50"))),
        db.rows(
            "select dept, count(*), sum(salary), min(salary) from emp"
                + " group by dept having count(*) > 1"));
    // AVG keeps the argument's type (Calcite): DECIMAL(10, 2), so 300.50 / 4 is 75.12.
    assertEquals(
        List.of(row(4L, 2L, new BigDecimal("75.12"))),
        db.rows("select count(*), count(distinct dept), avg(salary) from emp"));
  }

  @Test
  void orderByLimitOffset() {
    assertEquals(
        List.of(row("bob"), row("cy")),
        db.rows("select name from emp order by salary desc limit 2 offset 1"));
    assertEquals(
        List.of(row(13), row(12)),
        db.rows("select id from emp order by id desc fetch first 2 rows only"));
    assertEquals(List.of(row(10), row(11)), db.rows("select id from emp limit 2"));
  }

  @Test
  void subQueries() {
    assertEquals(
        List.of(row("ann"), row("bob")),
        db.rows(
            "select name from emp where dept in (select id from dept where name = 'eng')"
                + " order by name"));
    assertEquals(
        List.of(row("eng"), row("ops")),
        db.rows(
            "select name from dept d where exists (select 1 from emp e where e.dept = d.id)"
                + " order by name"));
    assertEquals(
        List.of(row("ann")),
        db.rows("select name from emp where salary = (select max(salary) from emp)"));
    assertEquals(
        List.of(row("ann", 2L), row("bob", 2L), row("cy", 1L)),
        db.rows(
            "select name, (select count(*) from emp e2 where e2.dept = e.dept) from emp e"
                + " where dept is not null order by name"));
  }

  @Test
  void setOperations() {
    assertEquals(
        List.of(row(1), row(2), row(3), row(10)),
        db.rows(
            "select id from dept union select dept from emp where dept = 1 union select 10 from dept order by 1"));
    assertEquals(
        List.of(row(1L + 1 + 1)),
        db.rows(
            "select count(*) from (select dept from emp where dept = 1 union all select 1 from dept where id = 1)"));
    assertEquals(
        List.of(row(1), row(2)),
        db.rows("select id from dept intersect select dept from emp order by 1"));
    assertEquals(List.of(row(3)), db.rows("select id from dept except select dept from emp"));
  }

  @Test
  void caseAndScalarFunctions() {
    assertEquals(
        List.of(row("ANN", "high", 3, "an", 2020L), row("DEE", "low", 3, "de", null)),
        db.rows(
            "select upper(name), case when salary >= 90 then 'high' else 'low' end,"
                + " char_length(name), substring(name from 1 for 2), extract(year from hired)"
                + " from emp where id in (10, 13) order by id"));
    assertEquals(
        List.of(row(-1, 1, "x", new BigDecimal("3.14"), 7L)),
        db.rows(
            "select abs(-1) * -1, mod(7, 3), coalesce(null, 'x'), cast(3.14159 as decimal(5, 2)),"
                + " cast('7' as bigint) from dept where id = 1"));
  }

  @Test
  void valuesComeBackAsEngineValuesWithColumnTypes() {
    SqlResult r = db.exec("select id, name, salary, hired from emp where id = 12");
    assertEquals(
        List.of(
            row(12, "cy", new BigDecimal("70.00"), EngineValues.toDays(LocalDate.of(2019, 3, 10)))),
        SqlFixture.rowsOf(r));
    assertEquals(
        List.of(SqlTypeName.INTEGER, SqlTypeName.VARCHAR, SqlTypeName.DECIMAL, SqlTypeName.DATE),
        r.columns().stream().map(ResultColumn::type).toList());
    assertEquals(
        List.of("ID", "NAME", "SALARY", "HIRED"),
        r.columns().stream().map(ResultColumn::name).toList());
    assertEquals(10, r.columns().get(2).precision());
    assertEquals(2, r.columns().get(2).scale());
  }

  @Test
  void windowFunctionsAndCommonTableExpressions() {
    assertEquals(
        List.of(row("ann", 1L), row("bob", 2L), row("cy", 1L)),
        db.rows(
            "with e as (select * from emp where dept is not null)"
                + " select name, row_number() over (partition by dept order by id) from e"
                + " order by name;"));
  }

  @Test
  void dateLiteralsAndComparisons() {
    assertEquals(
        List.of(row("ann"), row("bob")),
        db.rows("select name from emp where hired >= date '2020-01-01' order by name"));
  }
}
