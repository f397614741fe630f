package io.cesiumdb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The SQL of the key calls; sql-frontend's JdbcMetadataTest runs it against the engine. */
class KeyMetadataSqlTest {
  @Test
  void plainNamesAreComparedAndPatternsAlsoTriedAsExactNames() {
    var exact = KeyMetadataSql.primaryKeys(null, "SHOP", "ORDERS");
    assertEquals(List.of("SHOP", "ORDERS"), exact.params());
    assertTrue(exact.sql().contains("K.TABLE_SCHEMA = ? AND K.TABLE_NAME = ?"), exact.sql());
    assertFalse(exact.sql().contains("LIKE"), exact.sql());

    var pattern = KeyMetadataSql.primaryKeys(null, "SHOP", "ORDER_LINES");
    assertEquals(List.of("ORDER_LINES", "SHOP", "ORDER_LINES", "ORDER_LINES"), pattern.params());
    assertTrue(pattern.sql().contains("TX.TABLE_NAME = ? WHERE"), pattern.sql());
    assertTrue(
        pattern
            .sql()
            .contains(
                "(K.TABLE_NAME = ? OR (K.TABLE_NAME LIKE ? ESCAPE '\\' AND TX.TABLE_NAME IS NULL))"),
        pattern.sql());
    assertFalse(pattern.sql().contains("EXISTS"), pattern.sql());
  }

  @Test
  void nullAndPercentMatchEverythingAndACatalogMatchesNothing() {
    for (String any : new String[] {null, "%"}) {
      var q = KeyMetadataSql.indexInfo(null, any, any);
      assertEquals(List.of(), q.params());
      assertFalse(q.sql().contains("FALSE AS") && q.sql().contains("AND FALSE"), q.sql());
    }
    assertTrue(KeyMetadataSql.indexInfo("", null, null).params().isEmpty());
    assertTrue(KeyMetadataSql.primaryKeys("CAT", null, "T").sql().contains(" AND FALSE"));
    assertFalse(KeyMetadataSql.primaryKeys("", null, "T").sql().contains(" AND FALSE"));
  }

  @Test
  void labelsAreTheJdbcOnes() {
    assertTrue(
        KeyMetadataSql.primaryKeys(null, null, null)
            .sql()
            .startsWith(
                "SELECT CAST(NULL AS VARCHAR) AS \"TABLE_CAT\", K.TABLE_SCHEMA AS \"TABLE_SCHEM\","));
    String fk = KeyMetadataSql.foreignKeys().sql();
    for (String label :
        List.of(
            "PKTABLE_CAT", "PKCOLUMN_NAME", "FKTABLE_SCHEM", "FKCOLUMN_NAME", "DEFERRABILITY")) {
      assertTrue(fk.contains("AS \"" + label + "\""), label);
    }
  }

  @Test
  void wildcardsAndEscapesMakeAPattern() {
    assertTrue(KeyMetadataSql.isPattern("A%"));
    assertTrue(KeyMetadataSql.isPattern("A_B"));
    assertTrue(KeyMetadataSql.isPattern("A\\_B"));
    assertFalse(KeyMetadataSql.isPattern("ORDERS"));
  }
}
