package io.cesiumdb.tests.slt;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses a {@link TableKey} for every table a test file creates, by reading the whole file first
 * (the library parses it before running it): a declared key is kept; otherwise the first column, in
 * declaration order, that every successful insert fills with a distinct non-NULL literal, on a
 * table that no statement updates and no unreadable insert writes, becomes the key (for a table
 * nothing fills, its first column: a {@code SELECT *} over it must see only its own columns);
 * otherwise the harness adds {@link CreateTableSql#ROWID}. A table created twice in one file gets a
 * row id.
 */
final class KeyPlanner {
  private static final Pattern UPDATE = Pattern.compile("(?is)^\\s*UPDATE\\s+(\\w+).*");
  private static final Pattern ANY_INSERT =
      Pattern.compile("(?is)^\\s*(?:INSERT|REPLACE)\\b.*?\\bINTO\\s+(\\w+).*");
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  private KeyPlanner() {}

  /** A statement of the file and whether it is expected to succeed. */
  record Statement(String sql, boolean shouldPass) {}

  /** The key of every table created in {@code statements}, by upper-cased name. */
  static Map<String, TableKey> plan(List<Statement> statements) {
    Map<String, CreateTableSql> creates = new HashMap<>();
    Set<String> needRowId = new HashSet<>();
    Map<String, List<InsertSql>> inserts = new HashMap<>();
    for (Statement s : statements) {
      CreateTableSql.parse(s.sql())
          .ifPresent(
              c -> {
                if (creates.put(c.table(), c) != null) {
                  needRowId.add(c.table());
                }
              });
      Matcher update = UPDATE.matcher(s.sql());
      if (update.matches()) {
        needRowId.add(update.group(1).toUpperCase(Locale.ROOT));
      }
      collectInsert(s, inserts, needRowId);
    }
    Map<String, TableKey> keys = new HashMap<>();
    creates.forEach(
        (table, create) ->
            keys.put(table, choose(create, needRowId.contains(table), inserts.get(table))));
    return keys;
  }

  private static void collectInsert(
      Statement s, Map<String, List<InsertSql>> inserts, Set<String> needRowId) {
    Matcher any = ANY_INSERT.matcher(s.sql());
    if (!any.matches()) {
      return;
    }
    String table = any.group(1).toUpperCase(Locale.ROOT);
    var parsed = InsertSql.parse(s.sql());
    if (parsed.isEmpty()) {
      needRowId.add(table);
    } else if (s.shouldPass()) {
      inserts.computeIfAbsent(table, t -> new ArrayList<>()).add(parsed.get());
    }
  }

  private static TableKey choose(
      CreateTableSql create, boolean needRowId, List<InsertSql> inserts) {
    if (create.hasKey()) {
      return TableKey.DECLARED;
    }
    if (needRowId) {
      return TableKey.ROWID;
    }
    for (String column : create.columns()) {
      if (isUniqueLiteral(create.columns(), column, inserts == null ? List.of() : inserts)) {
        return TableKey.column(column);
      }
    }
    return TableKey.ROWID;
  }

  private static boolean isUniqueLiteral(
      List<String> tableColumns, String column, List<InsertSql> inserts) {
    Set<String> seen = new HashSet<>();
    for (InsertSql insert : inserts) {
      for (int r = 0; r < insert.rows().size(); r++) {
        String value = normalized(insert.valueOf(tableColumns, r, column));
        if (value == null || !seen.add(value)) {
          return false;
        }
      }
    }
    return true;
  }

  /** A canonical form of a non-NULL literal (1 and 1.0 agree), or null for anything else. */
  static String normalized(String literal) {
    if (literal.length() >= 2 && literal.startsWith("'") && literal.endsWith("'")) {
      return "s:" + literal.substring(1, literal.length() - 1);
    }
    if (NUMBER.matcher(literal).matches()) {
      return "n:" + new BigDecimal(literal).stripTrailingZeros().toPlainString();
    }
    return null;
  }
}
