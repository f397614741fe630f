package io.cesiumdb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code DatabaseMetaData} answers the driver gives itself, against a scripted node: the
 * transaction facts never ask the node, the key calls do (the scripted node refuses the query).
 */
class MetaDataAnswersTest {
  private static FakeNode node;
  private static Connection connection;

  @BeforeAll
  static void connect() throws Exception {
    node = FakeNode.start();
    connection = DriverManager.getConnection(node.url(), FakeNode.USER, FakeNode.PASSWORD);
  }

  @AfterAll
  static void close() throws Exception {
    connection.close();
    node.stop();
  }

  @Test
  void everyAnswerOverridesADatabaseMetaDataMethod() throws NoSuchMethodException {
    int answered = 0;
    for (Method m : MetaDataAnswers.class.getDeclaredMethods()) {
      if (Modifier.isPublic(m.getModifiers())) {
        Method jdbc = DatabaseMetaData.class.getMethod(m.getName(), m.getParameterTypes());
        assertEquals(jdbc.getReturnType(), m.getReturnType(), m.getName());
        answered++;
      }
    }
    assertTrue(answered >= 10, "answers: " + answered);
  }

  @Test
  void transactionsAreSerializableOnlyAndAnsweredLocally() throws SQLException {
    DatabaseMetaData md = connection.getMetaData();
    int before = node.requestTypes().size();
    assertTrue(md.supportsTransactions());
    assertTrue(md.supportsMultipleTransactions());
    assertEquals(Connection.TRANSACTION_SERIALIZABLE, md.getDefaultTransactionIsolation());
    assertTrue(md.supportsTransactionIsolationLevel(Connection.TRANSACTION_SERIALIZABLE));
    for (int weaker : new int[] {0, 1, 2, 4}) {
      assertFalse(md.supportsTransactionIsolationLevel(weaker), "level " + weaker);
    }
    assertFalse(md.dataDefinitionCausesTransactionCommit());
    assertFalse(md.dataDefinitionIgnoredInTransactions());
    assertFalse(md.supportsCatalogsInDataManipulation());
    assertFalse(md.supportsCatalogsInTableDefinitions());
    assertTrue(md.supportsSchemasInDataManipulation());
    assertEquals(before, node.requestTypes().size(), node.requestTypes().toString());
  }

  @Test
  void keyCallsAskTheNodeInsteadOfAnsweringEmpty() {
    DatabaseMetaData md;
    try {
      md = connection.getMetaData();
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
    SQLException e = assertThrows(SQLException.class, () -> md.getPrimaryKeys(null, "PUBLIC", "T"));
    assertEquals("0A000", e.getSQLState(), e.getMessage());
    assertThrows(SQLException.class, () -> md.getIndexInfo(null, "PUBLIC", "T", false, true));
    assertThrows(SQLException.class, () -> md.getImportedKeys(null, "PUBLIC", "T"));
    assertThrows(SQLException.class, () -> md.getExportedKeys(null, "PUBLIC", "T"));
    assertTrue(node.requestTypes().contains("PrepareRequest"), node.requestTypes().toString());
  }
}
