package io.cesiumdb.tests.slt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sqllogictest {@code CREATE TABLE}: its name, column names and definitions, and whether it
 * declares a primary key. CesiumDB needs one on every table and sqllogictest's tables often have
 * none, so {@link #withKey} renders the statement with the key the {@link KeyPlanner} chose.
 *
 * @param prefix the statement up to the table name ({@code CREATE TABLE [IF NOT EXISTS] })
 * @param table the table name, upper-cased as the engine folds unquoted identifiers
 * @param columns the column names (upper-cased), in declaration order
 * @param definitions every element between the parentheses: column definitions, then constraints
 * @param hasKey whether a PRIMARY KEY appears, on a column or as a constraint
 */
record CreateTableSql(
    String prefix, String table, List<String> columns, List<String> definitions, boolean hasKey) {
  private static final Pattern CREATE =
      Pattern.compile("(?is)^\\s*(CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?)(\\w+)\\s*\\(");
  private static final Pattern CONSTRAINT =
      Pattern.compile("(?is)^(PRIMARY|UNIQUE|CONSTRAINT|FOREIGN|CHECK)\\b.*");

  private static final Pattern ALIASES = Pattern.compile("(?i)^(FLOAT|REAL|TEXT)\\b");

  /** The column the harness adds when no column of the data can be the key. */
  static final String ROWID = "SLT_ROWID";

  /** Parses the statement, or empty when it is not a CREATE TABLE this class understands. */
  static Optional<CreateTableSql> parse(String sql) {
    Matcher m = CREATE.matcher(sql);
    if (!m.find()) {
      return Optional.empty();
    }
    int open = m.end() - 1;
    int close = SqlText.closingParen(sql, open);
    if (close < 0 || !sql.substring(close + 1).isBlank()) {
      return Optional.empty();
    }
    List<String> defs = SqlText.splitTopLevel(sql.substring(open + 1, close));
    List<String> columns = new ArrayList<>();
    for (String def : defs) {
      if (!CONSTRAINT.matcher(def).matches()) {
        columns.add(def.split("\\s+", 2)[0].toUpperCase(Locale.ROOT));
      }
    }
    boolean hasKey =
        defs.stream().anyMatch(d -> d.toUpperCase(Locale.ROOT).contains("PRIMARY KEY"));
    return Optional.of(
        new CreateTableSql(
            m.group(1), m.group(2).toUpperCase(Locale.ROOT), List.copyOf(columns), defs, hasKey));
  }

  /**
   * This table with SQLite's/PostgreSQL's type names that CesiumDB lacks replaced by its nearest
   * ones: FLOAT and REAL by DOUBLE, TEXT by VARCHAR (unbounded). Only for {@code bin/slt
   * --type-aliases}: it hides a real gap, so runs using it say so.
   */
  CreateTableSql withTypeAliases() {
    List<String> defs = new ArrayList<>();
    for (String def : definitions) {
      String[] nameAndRest = def.split("\\s+", 2);
      if (nameAndRest.length < 2 || CONSTRAINT.matcher(def).matches()) {
        defs.add(def);
      } else {
        defs.add(
            nameAndRest[0]
                + " "
                + ALIASES.matcher(nameAndRest[1]).replaceAll(m -> alias(m.group(1))));
      }
    }
    return new CreateTableSql(prefix, table, columns, List.copyOf(defs), hasKey);
  }

  private static String alias(String type) {
    return type.equalsIgnoreCase("TEXT") ? "VARCHAR" : "DOUBLE";
  }

  /** The statement as written, but from the parsed parts (after {@link #withTypeAliases}). */
  String render() {
    return render(definitions);
  }

  /** The statement with {@code column} (one of {@link #columns}) as its NOT NULL primary key. */
  String withKey(String column) {
    List<String> defs = new ArrayList<>();
    for (String def : definitions) {
      boolean isKey = def.split("\\s+", 2)[0].equalsIgnoreCase(column);
      boolean notNull = def.toUpperCase(Locale.ROOT).contains("NOT NULL");
      defs.add(isKey && !notNull ? def + " NOT NULL" : def);
    }
    defs.add("PRIMARY KEY (" + column + ")");
    return render(defs);
  }

  /** The statement with an extra BIGINT key column {@link #ROWID} that the harness fills. */
  String withRowId() {
    List<String> defs = new ArrayList<>(definitions);
    defs.add(ROWID + " BIGINT NOT NULL");
    defs.add("PRIMARY KEY (" + ROWID + ")");
    return render(defs);
  }

  private String render(List<String> defs) {
    return prefix + table + "(" + String.join(", ", defs) + ")";
  }
}
