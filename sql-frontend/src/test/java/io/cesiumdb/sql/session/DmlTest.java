package io.cesiumdb.sql.session;

import static io.cesiumdb.sql.session.SqlFixture.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.sql.parser.SqlSyntaxException;
import io.cesiumdb.sql.types.EngineValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** INSERT / UPDATE / DELETE / UPSERT end to end over the in-memory store, and their errors. */
class DmlTest {
  private final SqlFixture db = new SqlFixture();

  @BeforeEach
  void createTables() {
    db.exec(
        "create table item (id bigint primary key, name varchar(10) not null,"
            + " qty int default 1, price decimal(8, 2), added timestamp default current_timestamp)");
    db.exec("create table log (k int primary key, msg varchar)");
  }

  @Test
  void multiRowInsertFillsDefaultsAndCountsRows() {
    assertEquals(2, db.update("insert into item (id, name) values (1, 'a'), (2, 'b')"));
    assertEquals(1, db.update("insert into item values (3, 'c', 5, 9.99, null)"));
    long now = EngineValues.toMillis(SqlFixture.NOW);
    assertEquals(
        List.of(
            row(1L, "a", 1, null, now),
            row(2L, "b", 1, null, now),
            row(3L, "c", 5, new BigDecimal("9.99"), null)),
        db.rows("select * from item order by id"));
  }

  @Test
  void insertSelectCopiesRows() {
    db.exec("insert into item (id, name, qty) values (1, 'a', 10), (2, 'b', 20), (3, 'c', 30)");
    assertEquals(2, db.update("insert into log select id, name from item where qty >= 20"));
    assertEquals(List.of(row(2, "b"), row(3, "c")), db.rows("select * from log"));
  }

  @Test
  void insertSelectFromTheSameTableReadsBeforeItWrites() {
    db.exec("insert into log values (1, 'x'), (2, 'y')");
    assertEquals(2, db.update("insert into log select k + 10, msg from log"));
    assertEquals(List.of(row(4L)), db.rows("select count(*) from log"));
  }

  @Test
  void updateChangesValuesAndMayMoveKeys() {
    db.exec("insert into log values (1, 'a'), (2, 'b'), (3, 'c')");
    assertEquals(1, db.update("update log set msg = upper(msg) where k = 2"));
    assertEquals(3, db.update("update log set k = k + 1"));
    assertEquals(
        List.of(row(2, "a"), row(3, "B"), row(4, "c")), db.rows("select * from log order by k"));
  }

  @Test
  void updateOntoAnExistingKeyIsAUniqueViolationAndChangesNothing() {
    db.exec("insert into log values (1, 'a'), (5, 'b')");
    db.fails(ErrorCode.UNIQUE_VIOLATION, "update log set k = 5 where k = 1");
    assertEquals(List.of(row(1, "a"), row(5, "b")), db.rows("select * from log order by k"));
  }

  @Test
  void deleteRemovesMatchingRows() {
    db.exec("insert into log values (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd')");
    assertEquals(2, db.update("delete from log where k between 2 and 3"));
    assertEquals(1, db.update("delete from log where msg = 'd'"));
    assertEquals(0, db.update("delete from log where k = 99"));
    assertEquals(List.of(row(1, "a")), db.rows("select * from log"));
  }

  @Test
  void upsertInsertsOrReplaces() {
    db.exec("insert into log values (1, 'a')");
    assertEquals(2, db.update("upsert into log values (1, 'new'), (2, 'b')"));
    assertEquals(List.of(row(1, "new"), row(2, "b")), db.rows("select * from log order by k"));
  }

  @Test
  void duplicateKeyIsUniqueViolationAndTheStatementLeavesNothing() {
    db.exec("insert into log values (2, 'b')");
    CesiumException e =
        db.fails(ErrorCode.UNIQUE_VIOLATION, "insert into log values (1, 'a'), (2, 'dup')");
    assertEquals("23505", e.sqlState());
    assertTrue(e.getMessage().contains("LOG"), e.getMessage());
    db.fails(ErrorCode.UNIQUE_VIOLATION, "insert into log values (7, 'a'), (7, 'b')");
    assertEquals(List.of(row(2, "b")), db.rows("select * from log"));
  }

  @Test
  void notNullViolations() {
    CesiumException omitted =
        db.fails(ErrorCode.NOT_NULL_VIOLATION, "insert into item (id, qty) values (1, 2)");
    assertEquals("23502", omitted.sqlState());
    db.fails(ErrorCode.NOT_NULL_VIOLATION, "insert into item (id, name) values (1, null)");
    db.fails(ErrorCode.NOT_NULL_VIOLATION, "insert into item (id, name) values (?, ?)", 1, null);
    db.exec("insert into item (id, name) values (1, 'a')");
    db.fails(ErrorCode.NOT_NULL_VIOLATION, "update item set name = null");
    db.fails(ErrorCode.NOT_NULL_VIOLATION, "update item set name = ?", (Object) null);
  }

  @Test
  void valuesAreFittedToTheirColumns() {
    db.fails(ErrorCode.DATA_EXCEPTION, "insert into item (id, name) values (1, 'much too long')");
    db.fails(
        ErrorCode.NUMERIC_OUT_OF_RANGE,
        "insert into item (id, name, price) values (1, 'a', 1234567.0)");
    db.exec("insert into item (id, name, price) values (?, ?, ?)", 1, "x", 2.345);
    assertEquals(List.of(row(new BigDecimal("2.35"))), db.rows("select price from item"));
  }

  /** VALUES literals used to be narrowed by a Java cast: 100000 into SMALLINT stored -31072. */
  @Test
  void literalsOutOfTheirColumnsRangeFailInsteadOfWrapping() {
    db.exec(
        "create table n (id bigint primary key, s smallint, i integer, b bigint,"
            + " d decimal(5, 2), v varchar(3))");
    for (String sql :
        List.of(
            "insert into n (id, s) values (1, 100000)",
            "insert into n (id, s) values (1, 32768)",
            "insert into n (id, s) values (1, -32769)",
            "insert into n (id, s) values (1, 1), (2, 100000)",
            "insert into n (id, s) values (1, 1.5e10)",
            "upsert into n (id, s) values (1, 40000)",
            "insert into n (id, i) values (1, 2147483648)",
            "insert into n (id, b) values (1, 9223372036854775808)",
            "insert into n (id, b) values (1, -99999999999999999999)",
            "insert into n (id, d) values (1, 1000)",
            "insert into n (id, d) values (1, 999.995)",
            "insert into n (id, s) values (1, 100000 + 1)",
            "insert into n (id, s) select 1, 100000 from (values (0))")) {
      assertEquals("22003", db.fails(ErrorCode.NUMERIC_OUT_OF_RANGE, sql).sqlState(), sql);
    }
    db.fails(ErrorCode.NUMERIC_OUT_OF_RANGE, "insert into n (id, s) values (1, ?)", 100000);
    db.fails(ErrorCode.DATA_EXCEPTION, "insert into n (id, v) values (1, 'abcd')");
    assertEquals(List.of(), db.rows("select * from n"));
    db.exec(
        "insert into n values (1, 32767, -2147483648, 9223372036854775807, 999.99, 'abc'),"
            + " (2, -32768, 2, 3, -999.994, 'a  ')");
    assertEquals(
        List.of(
            row(
                1L,
                (short) 32767,
                Integer.MIN_VALUE,
                Long.MAX_VALUE,
                new BigDecimal("999.99"),
                "abc"),
            row(2L, (short) -32768, 2, 3L, new BigDecimal("-999.99"), "a  ")),
        db.rows("select * from n order by id"));
    db.fails(ErrorCode.NUMERIC_OUT_OF_RANGE, "update n set s = 100000");
    db.fails(ErrorCode.NUMERIC_OUT_OF_RANGE, "update n set i = i - 1");
    assertEquals(
        List.of(row((short) 32767, Integer.MIN_VALUE)), db.rows("select s, i from n where id = 1"));
  }

  @Test
  void parametersAcceptJavaForms() {
    db.exec("create table d (dt date primary key, n bigint)");
    db.exec("insert into d values (?, ?)", LocalDate.of(2024, 2, 29), 7);
    assertEquals(
        List.of(row(EngineValues.toDays(LocalDate.of(2024, 2, 29)), 7L)),
        db.rows("select * from d where dt = ?", LocalDate.of(2024, 2, 29)));
  }

  @Test
  void stringsAreCastToDatesAndTimestampsButNeverTruncated() {
    db.exec("create table d (dt date primary key, ts timestamp)");
    db.exec("insert into d values ('2024-02-29', '2024-02-29 10:11:12.5')");
    assertEquals(
        List.of(
            row(
                EngineValues.toDays(LocalDate.of(2024, 2, 29)),
                EngineValues.toMillis(LocalDate.of(2024, 2, 29).atTime(10, 11, 12, 500_000_000)))),
        db.rows("select * from d"));
    db.fails(
        ErrorCode.DATA_EXCEPTION,
        "insert into item (id, name) select k, msg from (values (1, '0123456789x')) as v (k, msg)");
    db.fails(ErrorCode.NUMERIC_OUT_OF_RANGE, "insert into log values (?, 'x')", 3_000_000_000L);
  }

  @Test
  void nonLatinStringsAreStoredAndCompared() {
    db.exec("insert into log values (1, 'привет'), (2, ?)", "日本語");
    assertEquals(List.of(row(1)), db.rows("select k from log where msg = 'привет'"));
    assertEquals(List.of(row(2)), db.rows("select k from log where msg like '日%'"));
  }

  @Test
  void unknownTableAndColumnHaveTheirCodes() {
    CesiumException t = db.fails(ErrorCode.TABLE_NOT_FOUND, "insert into nope values (1)");
    assertEquals("42P01", t.sqlState());
    db.fails(ErrorCode.TABLE_NOT_FOUND, "select * from nope");
    db.fails(ErrorCode.TABLE_NOT_FOUND, "delete from nope");
    db.fails(ErrorCode.COLUMN_NOT_FOUND, "select nope from log");
  }

  @Test
  void syntaxErrorsCarryLineAndColumn() {
    SqlSyntaxException e =
        (SqlSyntaxException) db.fails(ErrorCode.SYNTAX_ERROR, "select *\nfrom log\nwhere where");
    assertEquals(3, e.line());
    assertEquals(7, e.column());
    assertTrue(e.getMessage().contains("line 3, column 7"), e.getMessage());
  }

  @Test
  void mergeIsNotSupported() {
    db.fails(
        ErrorCode.FEATURE_NOT_SUPPORTED,
        "merge into log using (values (1, 'a')) as s (k, msg) on log.k = s.k"
            + " when matched then update set msg = s.msg"
            + " when not matched then insert values (s.k, s.msg)");
  }
}
