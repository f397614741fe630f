package io.cesiumdb.tests.sql.dbeaver.replay;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Section (g) and the start of (b) of dbeaver-jdbc-calls.md: the feature probing DBeaver does on
 * its metadata connection, the type info that overrides column types, catalogs and schemas.
 */
final class ProbeSteps {
  private ProbeSteps() {}

  static List<Step> all(Target t) {
    return List.of(
        new Step("g-feature-probing", () -> probe(t)),
        new Step("b-type-info", () -> typeInfo(t)),
        new Step("b-catalogs-and-schemas", () -> catalogsAndSchemas(t)));
  }

  private static void probe(Target t) throws SQLException {
    try (Connection meta = t.connect(t.second())) {
      meta.setAutoCommit(true);
      DatabaseMetaData md = meta.getMetaData();
      Check.isTrue(md.getDatabaseMajorVersion() >= 0, "major version");
      Check.isTrue(md.getDatabaseMinorVersion() >= 0, "minor version");
      Check.equal("\"", md.getIdentifierQuoteString(), "identifier quote");
      Check.equal(true, md.storesUpperCaseIdentifiers(), "stores upper case");
      Check.equal(false, md.storesLowerCaseIdentifiers(), "stores lower case");
      Check.equal(".", md.getCatalogSeparator(), "catalog separator");
      Check.isTrue(md.getSQLKeywords() != null, "SQL keywords");
      Check.isTrue(md.getNumericFunctions().contains("ABS"), "numeric functions");
      Check.isTrue(!md.getStringFunctions().isEmpty(), "string functions");
      Check.isTrue(!md.getTimeDateFunctions().isEmpty(), "time/date functions");
      md.getSystemFunctions();
      md.getSQLStateType();
      Check.isTrue(md.getDatabaseProductName() != null, "product name");
      md.getDatabaseProductVersion();
      Check.isTrue(md.getDriverName() != null, "driver name");
      md.getDriverVersion();
      md.getSchemaTerm();
      md.getProcedureTerm();
      md.getCatalogTerm();
      Check.equal(true, md.supportsBatchUpdates(), "batch updates");
      Check.equal(true, md.supportsTransactions(), "transactions (false disables the UI)");
      List<Integer> levels = new ArrayList<>();
      for (int level : new int[] {0, 1, 2, 4, 8}) {
        if (md.supportsTransactionIsolationLevel(level)) {
          levels.add(level);
        }
      }
      Check.equal(List.of(Connection.TRANSACTION_SERIALIZABLE), levels, "isolation levels");
      Check.equal(false, md.supportsCatalogsInDataManipulation(), "catalogs in DML");
      Check.equal(true, md.supportsSchemasInDataManipulation(), "schemas in DML");
    }
  }

  /** getTypeInfo: the labels DBeaver reads, and the DATA_TYPE it will trust over getColumns. */
  private static void typeInfo(Target t) throws SQLException {
    try (Connection meta = t.connect(t.second());
        ResultSet rs = meta.getMetaData().getTypeInfo()) {
      Check.hasLabels(
          rs,
          "getTypeInfo",
          "TYPE_NAME",
          "DATA_TYPE",
          "LOCAL_TYPE_NAME",
          "UNSIGNED_ATTRIBUTE",
          "SEARCHABLE",
          "PRECISION",
          "MINIMUM_SCALE",
          "MAXIMUM_SCALE");
      Map<String, Integer> types = new HashMap<>();
      while (rs.next()) {
        types.put(rs.getString("TYPE_NAME"), rs.getInt("DATA_TYPE"));
        rs.getBoolean("UNSIGNED_ATTRIBUTE");
        rs.getInt("SEARCHABLE");
        rs.getInt("PRECISION");
      }
      Check.equal(Types.BIGINT, types.get("BIGINT"), "DATA_TYPE of BIGINT " + types);
      Check.equal(Types.INTEGER, types.get("INTEGER"), "DATA_TYPE of INTEGER");
      Check.equal(Types.VARCHAR, types.get("VARCHAR"), "DATA_TYPE of VARCHAR");
      Check.equal(Types.BOOLEAN, types.get("BOOLEAN"), "DATA_TYPE of BOOLEAN");
      Check.equal(Types.TIMESTAMP, types.get("TIMESTAMP"), "DATA_TYPE of TIMESTAMP");
    }
  }

  private static void catalogsAndSchemas(Target t) throws SQLException {
    try (Connection meta = t.connect(t.second())) {
      DatabaseMetaData md = meta.getMetaData();
      Check.equal(List.of(), Check.rows(md.getCatalogs(), "getCatalogs", "TABLE_CAT"), "catalogs");
      List<String> schemas =
          Check.rows(md.getSchemas(null, "%"), "getSchemas", "TABLE_SCHEM", "TABLE_CATALOG");
      Check.isTrue(schemas.contains("PUBLIC:"), "schemas " + schemas);
      Check.isTrue(
          Check.rows(md.getSchemas(), "getSchemas()", "TABLE_SCHEM").contains("PUBLIC"),
          "getSchemas() lists PUBLIC");
    }
  }
}
