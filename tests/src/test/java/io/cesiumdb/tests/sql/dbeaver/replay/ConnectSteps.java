package io.cesiumdb.tests.sql.dbeaver.replay;

import java.io.File;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Section (a) of dbeaver-jdbc-calls.md, connecting: the class path, the driver instance DBeaver
 * creates, the main/metadata/editor connections, commit and rollback with nothing open, the
 * keep-alive probe, failover at connect, several connections at once, and a wrong password.
 */
final class ConnectSteps {
  /** Classes of the driver's dependencies; the shaded jar must hold them only under new names. */
  private static final List<String> UNSHADED =
      List.of(
          "org.apache.calcite.avatica.AvaticaConnection",
          "io.grpc.ManagedChannel",
          "com.google.protobuf.Message",
          "org.slf4j.Logger");

  private ConnectSteps() {}

  static List<Step> all(Target t) {
    return List.of(
        new Step("a0-classpath-is-the-shaded-jar-alone", ConnectSteps::classPath),
        new Step("a1-connect-main-meta-and-editor", () -> connectLikeDbeaver(t)),
        new Step("a8-commit-and-rollback-with-nothing-open", () -> nothingOpen(t)),
        new Step("a11-isvalid-and-close", () -> keepAlive(t)),
        new Step("a4-failover-past-a-dead-first-host", () -> failover(t)),
        new Step("a9-several-connections-at-once", () -> concurrent(t)),
        new Step("a4-wrong-password-is-28P01", () -> wrongPassword(t)));
  }

  private static void classPath() {
    String[] entries = System.getProperty("java.class.path").split(File.pathSeparator);
    Check.equal(
        2, entries.length, "class path entries " + String.join(File.pathSeparator, entries));
    for (String name : UNSHADED) {
      try {
        Class.forName(name);
        throw new AssertionError(name + " is loadable: a dependency leaked onto the class path");
      } catch (ClassNotFoundException expected) {
        // only the relocated copy exists
      }
    }
  }

  /** (a) 1-10: DBeaver instantiates the driver class itself and opens three connections. */
  private static void connectLikeDbeaver(Target t) throws Exception {
    Driver registered = DriverManager.getDriver(t.first());
    Driver driver = registered.getClass().getConstructor().newInstance();
    driver.getPropertyInfo(t.first(), t.credentials());
    Check.isTrue(driver.acceptsURL(t.first()), "acceptsURL");
    try (Connection main = driver.connect(t.first(), t.credentials());
        Connection meta = driver.connect(t.second(), t.credentials());
        Connection editor = driver.connect(t.first(), t.credentials())) {
      Check.isTrue(main != null, "connect returned null");
      main.setAutoCommit(false); // a "Production" connection type
      Check.equal(false, main.getAutoCommit(), "main autocommit");
      Check.equal(null, main.getCatalog(), "catalog");
      Check.equal("PUBLIC", main.getSchema(), "schema");
      main.commit(); // "Start transaction" with nothing open
      meta.setAutoCommit(true);
      Check.equal(true, meta.getAutoCommit(), "meta autocommit");
      editor.setSchema(main.getSchema());
      Check.equal("PUBLIC", editor.getSchema(), "editor schema");
      Check.equal(1L, Target.scalar(meta, "SELECT 1"), "meta answers");
      Check.equal(1L, Target.scalar(editor, "SELECT 1"), "editor answers");
      main.rollback(); // (a) 12: disconnect in manual mode
    }
  }

  /** commit()/rollback() in manual mode with no transaction, before and after a read. */
  private static void nothingOpen(Target t) throws SQLException {
    try (Connection c = t.connect(t.second())) {
      c.setAutoCommit(false);
      c.commit();
      c.rollback();
      c.rollback();
      Check.equal(1L, Target.scalar(c, "SELECT 1"), "a read in manual mode");
      c.commit();
      c.commit();
      Check.equal(1L, Target.scalar(c, "SELECT 1"), "the next read");
      c.rollback();
      c.setAutoCommit(true);
      Check.equal(1L, Target.scalar(c, "SELECT 1"), "back in autocommit");
    }
  }

  /** (a) 11: isClosed, isValid, and the fallback ping; a closed connection is not valid. */
  private static void keepAlive(Target t) throws SQLException {
    Connection c = t.connect(t.first());
    Check.equal(false, c.isClosed(), "isClosed while open");
    Check.equal(true, c.isValid(5), "isValid while open");
    var ping = c.getMetaData().getTables(null, null, "DBEAVERFAKETABLENAMEFORPING", null);
    Check.equal(List.of(), Check.rows(ping, "getTables", "TABLE_NAME"), "ping tables");
    c.close();
    Check.equal(true, c.isClosed(), "isClosed after close");
    Check.equal(false, c.isValid(5), "isValid after close");
  }

  /** A URL whose first host refuses connections still connects, to the second. */
  private static void failover(Target t) throws SQLException {
    try (Connection c = t.connect(t.failover())) {
      Check.equal(true, c.isValid(5), "isValid after failover");
      Check.equal(3L, Target.scalar(c, "SELECT 1 + 2"), "a query after failover");
    }
  }

  /** Four connections opened and used at the same time, through three URLs. */
  private static void concurrent(Target t) throws Exception {
    List<String> urls = List.of(t.first(), t.second(), t.failover(), t.first());
    ExecutorService pool = Executors.newFixedThreadPool(urls.size());
    try {
      List<Future<Long>> answers = new ArrayList<>();
      for (int i = 0; i < urls.size(); i++) {
        String url = urls.get(i);
        long n = i;
        answers.add(
            pool.submit(
                () -> {
                  try (Connection c = t.connect(url)) {
                    return Target.scalar(c, "SELECT " + n + " * 10");
                  }
                }));
      }
      for (int i = 0; i < answers.size(); i++) {
        Check.equal(i * 10L, answers.get(i).get(60, TimeUnit.SECONDS), "connection " + i);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** A wrong password (and an unknown user) is 28P01, also through the failover URL. */
  private static void wrongPassword(Target t) {
    for (String url : List.of(t.first(), t.failover())) {
      SQLException e =
          Check.fails(
              () -> DriverManager.getConnection(url, Target.credentials(t.user(), "not-it")),
              "wrong password via " + url);
      Check.equal("28P01", e.getSQLState(), "wrong password via " + url + ": " + e.getMessage());
    }
    SQLException unknown =
        Check.fails(
            () -> DriverManager.getConnection(t.first(), Target.credentials("nobody", "x")),
            "unknown user");
    Check.equal("28P01", unknown.getSQLState(), "unknown user: " + unknown.getMessage());
  }
}
