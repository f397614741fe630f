package io.cesiumdb.sql.meta;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.MetaImpl;

/**
 * The result of one {@code DatabaseMetaData} call: columns with the JDBC labels and rows, sent
 * whole in the first frame (so the driver never fetches, and the statement id needs no state on
 * this side). Columns are typed by Java class as Avatica's own metadata results are ({@code String}
 * VARCHAR, {@code Integer}/{@code int} INTEGER, {@code Short} SMALLINT, {@code Boolean}, {@code
 * Long} BIGINT); a value must be of its column's class or null.
 */
final class MetadataTable {
  private final List<ColumnMetaData> columns = new ArrayList<>();
  private final List<Object> rows = new ArrayList<>();

  /** Adds a column that may hold NULL. */
  MetadataTable column(String label, Class<?> type) {
    columns.add(MetaImpl.columnMetaData(label, columns.size(), type, true));
    return this;
  }

  /** Adds a column that never holds NULL. */
  MetadataTable notNull(String label, Class<?> type) {
    columns.add(MetaImpl.columnMetaData(label, columns.size(), type, false));
    return this;
  }

  MetadataTable row(Object... values) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(values.length + " values for " + columns.size());
    }
    rows.add(Arrays.asList(values));
    return this;
  }

  int rowCount() {
    return rows.size();
  }

  Meta.MetaResultSet toResultSet(String connectionId, int statementId) {
    Meta.Signature signature =
        new Meta.Signature(
            columns, "", List.of(), null, Meta.CursorFactory.LIST, Meta.StatementType.SELECT);
    return Meta.MetaResultSet.create(
        connectionId, statementId, true, signature, new Meta.Frame(0, true, rows));
  }

  /** An empty result with the columns Avatica itself uses for {@code rowClass}. */
  static MetadataTable emptyLike(Class<?> rowClass) {
    MetadataTable t = new MetadataTable();
    t.columns.addAll(Layouts.of(rowClass));
    return t;
  }

  /** Reaches {@code MetaImpl}'s protected column layout of its metadata row classes. */
  private abstract static class Layouts extends MetaImpl {
    private Layouts(AvaticaConnection connection) {
      super(connection);
    }

    static List<ColumnMetaData> of(Class<?> rowClass) {
      return fieldMetaData(rowClass).columns;
    }
  }
}
