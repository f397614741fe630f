package io.cesiumdb.tests.slt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rewrites one test file's statements for CesiumDB as they run: a keyless CREATE TABLE gets the key
 * its {@link TableKey} names, and an INSERT into a row-id table names {@link CreateTableSql#ROWID}
 * and numbers its rows. Everything else runs as written. One instance per file; not thread-safe.
 */
final class StatementRewriter {
  private final Map<String, TableKey> keys;
  private final Map<String, CreateTableSql> current = new HashMap<>();
  private final Set<String> created = new LinkedHashSet<>();
  private long nextRowId = 1;

  private final boolean typeAliases;

  StatementRewriter(Map<String, TableKey> keys, boolean typeAliases) {
    this.keys = Map.copyOf(keys);
    this.typeAliases = typeAliases;
  }

  /**
   * A rewriter for a file whose statements are {@code statements}; with {@code typeAliases}, also
   * {@link CreateTableSql#withTypeAliases}.
   */
  static StatementRewriter forStatements(
      List<KeyPlanner.Statement> statements, boolean typeAliases) {
    return new StatementRewriter(KeyPlanner.plan(statements), typeAliases);
  }

  /** The statement to send in place of {@code sql}. */
  String rewrite(String sql) {
    Optional<CreateTableSql> create = CreateTableSql.parse(sql);
    if (create.isPresent()) {
      return typeAliases
          ? rewriteCreate(create.get().withTypeAliases().render(), create.get().withTypeAliases())
          : rewriteCreate(sql, create.get());
    }
    Optional<InsertSql> insert = InsertSql.parse(sql);
    if (insert.isPresent() && keyOf(insert.get().table()).kind() == TableKey.Kind.ROWID) {
      CreateTableSql table = current.get(insert.get().table());
      if (table != null) {
        String out = insert.get().withRowIds(table.columns(), nextRowId);
        nextRowId += insert.get().rows().size();
        return out;
      }
    }
    return sql;
  }

  private String rewriteCreate(String sql, CreateTableSql create) {
    current.put(create.table(), create);
    created.add(create.table());
    TableKey key = keyOf(create.table());
    return switch (key.kind()) {
      case DECLARED -> sql;
      case COLUMN -> create.withKey(key.column());
      case ROWID -> create.withRowId();
    };
  }

  private TableKey keyOf(String table) {
    return keys.getOrDefault(table, TableKey.DECLARED);
  }

  /** Every table a CREATE TABLE named so far, oldest first (to drop when the file ends). */
  List<String> createdTables() {
    return new ArrayList<>(created);
  }
}
