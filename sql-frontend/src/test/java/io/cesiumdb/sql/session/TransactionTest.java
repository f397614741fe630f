package io.cesiumdb.sql.session;

import static io.cesiumdb.sql.session.SqlFixture.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Autocommit, explicit transactions, read-only transactions and transaction errors. */
class TransactionTest {
  private final SqlFixture db = new SqlFixture();
  private SqlSession other;

  @BeforeEach
  void load() {
    db.exec("create table t (id int primary key, v varchar(10))");
    db.exec("insert into t values (1, 'a')");
    other = db.engine.openSession();
  }

  @AfterEach
  void close() {
    other.close();
  }

  @Test
  void autocommitQueriesRunReadOnlyAndDmlReadWrite() {
    db.store.reset();
    db.rows("select * from t");
    assertEquals(1, db.store.readOnlyTxns.get());
    assertEquals(0, db.store.readWriteTxns.get());
    db.exec("insert into t values (2, 'b')");
    assertEquals(1, db.store.readWriteTxns.get());
    assertEquals(List.of(row(2L)), otherRows("select count(*) from t"));
  }

  @Test
  void explicitTransactionIsInvisibleUntilCommitAndReadsItsOwnWrites() {
    db.exec("begin");
    assertTrue(db.session.inTransaction());
    db.exec("insert into t values (2, 'b')");
    db.exec("update t set v = 'a2' where id = 1");
    assertEquals(List.of(row(1, "a2"), row(2, "b")), db.rows("select * from t order by id"));
    assertEquals(List.of(row(1, "a")), otherRows("select * from t"));
    db.exec("commit");
    assertFalse(db.session.inTransaction());
    assertEquals(List.of(row(1, "a2"), row(2, "b")), otherRows("select * from t order by id"));
  }

  @Test
  void rollbackDiscards() {
    db.exec("start transaction");
    db.exec("delete from t");
    assertEquals(List.of(), db.rows("select * from t"));
    db.exec("rollback");
    assertEquals(List.of(row(1, "a")), db.rows("select * from t"));
  }

  @Test
  void showAnswersTheSessionsLastCommitAndReadTimestamps() {
    assertEquals(List.of(row((Object) null)), otherRows("show commit_timestamp"));
    assertEquals(List.of(row((Object) null)), otherRows("SHOW READ_TIMESTAMP"));

    other.execute("insert into t values (2, 'b')");
    long first = timestamp(other, "commit_timestamp");
    other.execute("select * from t");
    long read = timestamp(other, "read_timestamp");
    assertTrue(read >= first, "the snapshot after the commit reads at or above it: " + read);

    other.execute("begin");
    other.execute("update t set v = 'b2' where id = 2");
    assertEquals(first, timestamp(other, "commit_timestamp"), "unchanged until the commit");
    other.execute("commit");
    assertTrue(timestamp(other, "commit_timestamp") > first);
    assertEquals(read, timestamp(other, "read_timestamp"), "a read-write txn reads no snapshot");
    assertEquals(
        "COMMIT_TIMESTAMP", other.execute("show commit_timestamp").columns().get(0).name());
  }

  @Test
  void showOfAnUnknownVariableIsAnError() {
    CesiumException e =
        assertThrows(CesiumException.class, () -> other.execute("show transaction_isolation"));
    assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
    assertTrue(e.getMessage().contains("COMMIT_TIMESTAMP"), e.getMessage());
  }

  private static long timestamp(SqlSession s, String variable) {
    return ((Number) s.execute("show " + variable).rows().get(0)[0]).longValue();
  }

  @Test
  void autocommitOffGroupsStatementsUntilCommit() {
    db.session.setAutoCommit(false);
    db.exec("insert into t values (2, 'b')");
    assertEquals(List.of(row(1L)), otherRows("select count(*) from t"));
    db.session.commit();
    assertEquals(List.of(row(2L)), otherRows("select count(*) from t"));
    db.exec("insert into t values (3, 'c')");
    db.session.setAutoCommit(true);
    assertEquals(List.of(row(3L)), otherRows("select count(*) from t"), "turning it on commits");
  }

  @Test
  void readOnlyTransactionsRefuseWritesAndReadOneSnapshot() {
    db.exec("begin read only");
    assertEquals(List.of(row(1L)), db.rows("select count(*) from t"));
    other.execute("insert into t values (2, 'b')");
    assertEquals(List.of(row(1L)), db.rows("select count(*) from t"), "snapshot");
    CesiumException e = db.fails(ErrorCode.TXN_READ_ONLY, "insert into t values (3, 'c')");
    assertEquals("25006", e.sqlState());
    db.exec("commit");
    assertEquals(List.of(row(2L)), db.rows("select count(*) from t"));
  }

  @Test
  void setTransactionReadOnlyAppliesToTheNextTransactionOnly() {
    db.exec("set transaction read only");
    db.fails(ErrorCode.TXN_READ_ONLY, "delete from t");
    assertEquals(1, db.update("delete from t"));
    db.exec("begin");
    db.exec("set transaction read only");
    db.fails(ErrorCode.TXN_READ_ONLY, "insert into t values (5, 'e')");
    db.fails(ErrorCode.VALIDATION_ERROR, "set transaction read write");
    db.exec("rollback");
    db.session.setReadOnly(true);
    db.fails(ErrorCode.TXN_READ_ONLY, "insert into t values (5, 'e')");
  }

  @Test
  void failedStatementLeavesTheTransactionUsableAndWithoutItsWrites() {
    db.exec("begin");
    db.exec("insert into t values (2, 'b')");
    db.fails(ErrorCode.UNIQUE_VIOLATION, "insert into t values (3, 'c'), (1, 'dup')");
    db.exec("commit");
    assertEquals(List.of(row(1), row(2)), db.rows("select id from t order by id"));
  }

  @Test
  void transactionErrorFailsTheBlockUntilRollback() {
    db.exec("begin");
    db.exec("insert into t values (2, 'b')");
    db.store.failNextReads(1, new CesiumException(ErrorCode.TXN_WOUNDED, "wounded"));
    db.fails(ErrorCode.TXN_WOUNDED, "select * from t");
    db.fails(ErrorCode.TXN_ABORTED, "select * from t");
    assertTrue(db.session.inTransaction());
    db.fails(ErrorCode.TXN_ABORTED, "commit");
    assertFalse(db.session.inTransaction());
    assertEquals(List.of(row(1)), db.rows("select id from t"), "nothing of it committed");
  }

  @Test
  void aRoutingErrorTheClientIsToldToRetryAlsoFailsTheBlock() {
    db.exec("begin");
    db.exec("insert into t values (2, 'b')");
    db.store.failNextReads(1, new CesiumException(ErrorCode.NOT_LEADER, "gave up"));
    assertEquals("40001", db.fails(ErrorCode.NOT_LEADER, "select * from t").code().sqlState());
    db.fails(ErrorCode.TXN_ABORTED, "select * from t");
    db.fails(ErrorCode.TXN_ABORTED, "commit");
    assertEquals(List.of(row(1)), db.rows("select id from t"), "nothing of it committed");
  }

  @Test
  void concurrentWritersConflictAtCommit() {
    db.exec("begin");
    other.execute("begin");
    db.exec("update t set v = 'mine' where id = 1");
    other.execute("update t set v = 'theirs' where id = 1");
    db.exec("commit");
    CesiumException e = assertThrows(CesiumException.class, () -> other.execute("commit"));
    assertEquals(ErrorCode.TXN_CONFLICT, e.code());
    assertEquals(List.of(row("mine")), otherRows("select v from t"));
  }

  @Test
  void autocommitRetriesAbortedStatements() {
    CesiumException conflict = new CesiumException(ErrorCode.TXN_CONFLICT, "injected");
    db.store.failNextCommits(2, conflict);
    db.store.reset();
    db.exec("insert into t values (2, 'b')");
    assertEquals(3, db.store.readWriteTxns.get());
    db.store.failNextCommits(3, conflict);
    db.fails(ErrorCode.TXN_CONFLICT, "insert into t values (3, 'c')");
    assertEquals(List.of(row(1), row(2)), db.rows("select id from t order by id"));
  }

  @Test
  void misuseOfTransactionStatements() {
    db.exec("commit");
    db.exec("rollback");
    db.exec("begin");
    db.fails(ErrorCode.VALIDATION_ERROR, "begin");
    db.exec("create table u (k int primary key)");
    db.exec("insert into u values (1)");
    db.exec("rollback");
    assertEquals(List.of(), db.rows("select * from u"), "DDL ran at once; the insert rolled back");
    db.fails(ErrorCode.INVALID_ARGUMENT, "commit", 1);
  }

  @Test
  void closingTheSessionRollsBack() {
    other.execute("begin");
    other.execute("insert into t values (9, 'z')");
    other.close();
    assertEquals(List.of(row(1L)), db.rows("select count(*) from t"));
  }

  private List<List<Object>> otherRows(String sql) {
    return SqlFixture.rowsOf(other.execute(sql));
  }
}
