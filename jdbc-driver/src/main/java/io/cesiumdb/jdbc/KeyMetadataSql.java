package io.cesiumdb.jdbc;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL behind the key calls of {@code DatabaseMetaData} ({@code getPrimaryKeys}, {@code
 * getIndexInfo}, the foreign-key calls), which Avatica's client never sends to the server: queries
 * on the node's {@code INFORMATION_SCHEMA} that return the JDBC column labels, types and row order.
 *
 * <p>Names follow the server's {@code DatabaseMetaData} rules (sql-frontend's {@code NamePattern}):
 * null or {@code %} matches everything; a name equal to an existing schema or table matches that
 * one only (tools such as DBeaver pass {@code ORDER_LINES} unescaped, which as a pattern would also
 * match {@code ORDERXLINES}); otherwise the argument is a LIKE pattern with {@code \} as escape.
 * There is no catalog level: a non-empty catalog matches nothing. The primary key is the only key
 * and the only (unique) index; there are no foreign keys.
 */
final class KeyMetadataSql {
  /** A query and the values of its {@code ?}s, in order. */
  record Query(String sql, List<String> params) {}

  private static final String PRIMARY_KEY_COLUMNS =
      " FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE K JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS C"
          + " ON C.CONSTRAINT_SCHEMA = K.CONSTRAINT_SCHEMA"
          + " AND C.CONSTRAINT_NAME = K.CONSTRAINT_NAME"
          + " AND C.TABLE_SCHEMA = K.TABLE_SCHEMA AND C.TABLE_NAME = K.TABLE_NAME";

  private static final String NO_STRING = "CAST(NULL AS VARCHAR)";
  private static final String NO_SHORT = "CAST(NULL AS SMALLINT)";

  private KeyMetadataSql() {}

  /** {@code getPrimaryKeys}: ordered by schema, table and column name. */
  static Query primaryKeys(String catalog, String schema, String table) {
    String select =
        "SELECT "
            + NO_STRING
            + " AS \"TABLE_CAT\", K.TABLE_SCHEMA AS \"TABLE_SCHEM\","
            + " K.TABLE_NAME AS \"TABLE_NAME\", K.COLUMN_NAME AS \"COLUMN_NAME\","
            + " CAST(K.ORDINAL_POSITION AS SMALLINT) AS \"KEY_SEQ\","
            + " K.CONSTRAINT_NAME AS \"PK_NAME\""
            + PRIMARY_KEY_COLUMNS;
    return filtered(select, catalog, schema, table, " ORDER BY 2, 3, 4");
  }

  /**
   * {@code getIndexInfo}: the primary key as a unique index named like the key, in JDBC order
   * (NON_UNIQUE, TYPE, INDEX_NAME, ORDINAL_POSITION; then schema and table, for equal names).
   */
  static Query indexInfo(String catalog, String schema, String table) {
    String select =
        "SELECT "
            + NO_STRING
            + " AS \"TABLE_CAT\", K.TABLE_SCHEMA AS \"TABLE_SCHEM\","
            + " K.TABLE_NAME AS \"TABLE_NAME\", FALSE AS \"NON_UNIQUE\", "
            + NO_STRING
            + " AS \"INDEX_QUALIFIER\", K.CONSTRAINT_NAME AS \"INDEX_NAME\","
            + " CAST(3 AS SMALLINT) AS \"TYPE\"," // DatabaseMetaData.tableIndexOther
            + " CAST(K.ORDINAL_POSITION AS SMALLINT) AS \"ORDINAL_POSITION\","
            + " K.COLUMN_NAME AS \"COLUMN_NAME\", CAST('A' AS VARCHAR(1)) AS \"ASC_OR_DESC\","
            + " CAST(-1 AS BIGINT) AS \"CARDINALITY\", CAST(-1 AS BIGINT) AS \"PAGES\", "
            + NO_STRING
            + " AS \"FILTER_CONDITION\""
            + PRIMARY_KEY_COLUMNS;
    return filtered(select, catalog, schema, table, " ORDER BY 4, 7, 6, 2, 3, 8");
  }

  /**
   * {@code getImportedKeys}, {@code getExportedKeys} and {@code getCrossReference}: there are no
   * foreign keys, so no rows, but the JDBC columns (DBeaver reads them by label).
   */
  static Query foreignKeys() {
    List<String> columns = new ArrayList<>();
    for (String side : List.of("PK", "FK")) {
      for (String part : List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME")) {
        columns.add(NO_STRING + " AS \"" + side + part + "\"");
      }
    }
    for (String name : List.of("KEY_SEQ", "UPDATE_RULE", "DELETE_RULE")) {
      columns.add(NO_SHORT + " AS \"" + name + "\"");
    }
    columns.add(NO_STRING + " AS \"FK_NAME\"");
    columns.add(NO_STRING + " AS \"PK_NAME\"");
    columns.add(NO_SHORT + " AS \"DEFERRABILITY\"");
    return new Query(
        "SELECT " + String.join(", ", columns) + " FROM (VALUES (0)) WHERE FALSE", List.of());
  }

  /**
   * {@code select} (which ends with its FROM clause) restricted to the primary key and to the
   * schema and table arguments. NB: the "no name equal to the pattern exists" tests are LEFT JOINs
   * to the (unique) exact name, not NOT EXISTS sub-queries: Calcite 1.42's decorrelator turns an
   * uncorrelated EXISTS next to a correlated one into a constant (sql-frontend README, hazards).
   */
  private static Query filtered(
      String select, String catalog, String schema, String table, String orderBy) {
    Filter f = new Filter();
    if (catalog != null && !catalog.isEmpty()) {
      f.where.append(" AND FALSE");
    }
    f.name(
        "K.TABLE_SCHEMA",
        schema,
        " LEFT JOIN INFORMATION_SCHEMA.SCHEMATA SX ON SX.SCHEMA_NAME = ?",
        "SX.SCHEMA_NAME");
    f.name(
        "K.TABLE_NAME",
        table,
        " LEFT JOIN INFORMATION_SCHEMA.TABLES TX"
            + " ON TX.TABLE_SCHEMA = K.TABLE_SCHEMA AND TX.TABLE_NAME = ?",
        "TX.TABLE_NAME");
    List<String> params = new ArrayList<>(f.joinParams);
    params.addAll(f.whereParams);
    return new Query(select + f.joins + f.where + orderBy, List.copyOf(params));
  }

  /** The joins and WHERE clause of a key query, each with its {@code ?} values in text order. */
  private static final class Filter {
    final StringBuilder joins = new StringBuilder();
    final StringBuilder where = new StringBuilder(" WHERE C.CONSTRAINT_TYPE = 'PRIMARY KEY'");
    final List<String> joinParams = new ArrayList<>();
    final List<String> whereParams = new ArrayList<>();

    /**
     * Restricts {@code column} to {@code pattern}: nothing for null or {@code %}; equality for a
     * plain name; else equality, or LIKE when {@code exactJoin} (a LEFT JOIN to the object named
     * exactly {@code pattern}, with one {@code ?}) found nothing in {@code exactColumn}.
     */
    void name(String column, String pattern, String exactJoin, String exactColumn) {
      if (pattern == null || pattern.equals("%")) {
        return;
      }
      if (!isPattern(pattern)) {
        where.append(" AND ").append(column).append(" = ?");
        whereParams.add(pattern);
        return;
      }
      joins.append(exactJoin);
      joinParams.add(pattern);
      where.append(" AND (").append(column).append(" = ? OR (").append(column);
      where.append(" LIKE ? ESCAPE '\\' AND ").append(exactColumn).append(" IS NULL))");
      whereParams.addAll(List.of(pattern, pattern));
    }
  }

  /** Whether {@code name} has a LIKE wildcard or escape in it. */
  static boolean isPattern(String name) {
    return name.indexOf('%') >= 0 || name.indexOf('_') >= 0 || name.indexOf('\\') >= 0;
  }
}
