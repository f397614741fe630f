package io.cesiumdb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.apache.calcite.avatica.proto.Common;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Connection settings reach the node before the setter returns (Avatica's client would keep them
 * until some later request), against a scripted node that records what it receives.
 */
class CesiumConnectionTest {
  private FakeNode node;
  private Connection connection;

  @BeforeEach
  void connect() throws Exception {
    node = FakeNode.start();
    connection = DriverManager.getConnection(node.url(), FakeNode.USER, FakeNode.PASSWORD);
  }

  @AfterEach
  void close() throws Exception {
    connection.close();
    node.stop();
  }

  @Test
  void everySetterSendsItsPropertyAtOnce() throws Exception {
    connection.setAutoCommit(false);
    assertFalse(lastSync().getAutoCommit());
    assertTrue(lastSync().getHasAutoCommit());

    connection.setReadOnly(true);
    assertTrue(lastSync().getHasReadOnly());
    assertTrue(lastSync().getReadOnly());

    connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    assertEquals(Connection.TRANSACTION_READ_COMMITTED, lastSync().getTransactionIsolation());

    connection.setSchema("SHOP");
    assertEquals("SHOP", lastSync().getSchema());

    connection.setCatalog("ignored");
    assertEquals("ignored", lastSync().getCatalog());

    connection.setAutoCommit(true);
    assertTrue(lastSync().getAutoCommit());
    assertTrue(connection.getAutoCommit());
  }

  @Test
  void settingAnUnchangedValueSendsNothing() throws Exception {
    connection.setAutoCommit(false);
    int syncs = node.syncedProperties().size();
    connection.setAutoCommit(false);
    assertFalse(connection.getAutoCommit());
    assertEquals(syncs, node.syncedProperties().size());
  }

  private Common.ConnectionProperties lastSync() throws SQLException {
    try {
      List<Common.ConnectionProperties> synced = node.syncedProperties();
      assertFalse(synced.isEmpty(), "no ConnectionSyncRequest: " + node.requestTypes());
      return synced.get(synced.size() - 1);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new SQLException(e);
    }
  }
}
