package io.cesiumdb.tests.sql.dbeaver.replay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Sections (d) and (f) of dbeaver-jdbc-calls.md: a cell edited and saved in manual-commit mode on
 * one node is invisible to a connection on another node until commit; rollback undoes; switching
 * back to autocommit commits; in autocommit mode the save is visible at once.
 */
final class EditSteps {
  private EditSteps() {}

  static List<Step> all(Target t) {
    return List.of(
        new Step("d-edit-cell-visible-only-after-commit", () -> editThenCommit(t)),
        new Step("d-edit-composite-key-cell", () -> editCompositeKey(t)),
        new Step("d-rollback-undoes-insert-update-delete", () -> rollback(t)),
        new Step("f-autocommit-toggle-commits-and-autocommit-saves", () -> toggle(t)));
  }

  /** DBeaver's UPDATE text and calls: execute(), getLargeUpdateCount(), warnings, close. */
  private static void save(Connection c, String sql, Object... binds) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
      for (int i = 0; i < binds.length; i++) {
        if (binds[i] instanceof String s) {
          ps.setString(i + 1, s);
        } else {
          ps.setLong(i + 1, ((Number) binds[i]).longValue());
        }
      }
      Check.equal(false, ps.execute(), "execute of " + sql + " returns no result set");
      Check.equal(1L, ps.getLargeUpdateCount(), "rows changed by " + sql);
      ps.getWarnings();
      ps.clearWarnings();
    }
  }

  private static void editThenCommit(Target t) throws SQLException {
    try (Connection c = t.connect(t.first());
        Connection other = t.connect(t.second())) {
      c.setAutoCommit(false);
      Check.equal(false, c.getAutoCommit(), "manual mode");
      c.getMetaData().supportsSavepoints();
      save(c, "UPDATE PUBLIC.NOTES\n\tSET NAME=?\n\tWHERE ID=?", "renamed", 1L);
      Check.equal("renamed", Target.noteName(c, 1), "the editing connection sees its edit");
      Check.equal("note 1", Target.noteName(other, 1), "another node before commit");
      c.commit();
      Check.equal("renamed", Target.noteName(other, 1), "another node after commit");
      c.commit(); // the Commit button pressed again, nothing open
    }
  }

  private static void editCompositeKey(Target t) throws SQLException {
    String qty = "SELECT QTY FROM PUBLIC.ORDER_LINES WHERE ORDER_ID = 7 AND LINE_NO = 2";
    try (Connection c = t.connect(t.second());
        Connection other = t.connect(t.first())) {
      c.setAutoCommit(false);
      save(
          c,
          "UPDATE PUBLIC.ORDER_LINES\n\tSET QTY=?\n\tWHERE ORDER_ID=? AND LINE_NO=?",
          5L,
          7L,
          2L);
      Check.equal(1L, Target.scalar(other, qty), "another node before commit");
      c.commit();
      Check.equal(5L, Target.scalar(other, qty), "another node after commit");
      Check.equal(
          3L,
          Target.scalar(
              other, "SELECT QTY FROM PUBLIC.ORDER_LINES WHERE ORDER_ID = 7 AND LINE_NO = 1"),
          "the other line of the order is untouched");
    }
  }

  private static void rollback(Target t) throws SQLException {
    try (Connection c = t.connect(t.first());
        Connection other = t.connect(t.second())) {
      c.setAutoCommit(false);
      save(c, "INSERT INTO PUBLIC.NOTES (ID,NAME)\n\tVALUES (?,?)", 1000L, "new");
      save(c, "UPDATE PUBLIC.NOTES\n\tSET NAME=?\n\tWHERE ID=?", "changed", 2L);
      save(c, "DELETE FROM PUBLIC.NOTES WHERE ID=?", 1L);
      Check.equal(null, Target.noteName(c, 1), "the deleting connection sees the delete");
      c.rollback();
      for (Connection seen : List.of(c, other)) {
        Check.equal(null, Target.noteName(seen, 1000), "the insert is undone");
        Check.equal("note 2", Target.noteName(seen, 2), "the update is undone");
        Check.equal("renamed", Target.noteName(seen, 1), "the delete is undone");
      }
      c.rollback(); // the Rollback button pressed again, nothing open
    }
  }

  /** setAutoCommit(true) commits the open transaction without a commit() first. */
  private static void toggle(Target t) throws SQLException {
    try (Connection c = t.connect(t.second());
        Connection other = t.connect(t.first())) {
      c.setAutoCommit(false);
      Check.equal(
          Connection.TRANSACTION_SERIALIZABLE, c.getTransactionIsolation(), "isolation level");
      save(c, "INSERT INTO PUBLIC.NOTES (ID,NAME)\n\tVALUES (?,?)", 1001L, "toggled");
      Check.equal(null, Target.noteName(other, 1001), "invisible before the toggle");
      c.setAutoCommit(true);
      Check.equal(true, c.getAutoCommit(), "the toggle reads autocommit back");
      Check.equal("toggled", Target.noteName(other, 1001), "committed by the toggle");
      save(c, "DELETE FROM PUBLIC.NOTES WHERE ID=?", 1001L);
      Check.equal(null, Target.noteName(other, 1001), "an autocommit delete is visible at once");
    }
  }
}
