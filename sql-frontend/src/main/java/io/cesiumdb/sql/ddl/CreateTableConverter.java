package io.cesiumdb.sql.ddl;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.placement.ColumnDef;
import io.cesiumdb.proto.placement.TableDef;
import io.cesiumdb.sql.codec.KeyCodec;
import io.cesiumdb.sql.parser.CesiumSqlCreateTable;
import io.cesiumdb.sql.types.ColumnTypes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.ddl.SqlColumnDeclaration;
import org.apache.calcite.sql.ddl.SqlKeyConstraint;

/**
 * {@code CREATE TABLE} to a {@link CreateTableCommand}. Rules: exactly one primary key (column- or
 * table-level) naming existing, distinct columns; key columns are NOT NULL (implicitly, and an
 * explicit {@code NULL} on one is an error); other columns are nullable unless {@code NOT NULL};
 * column names are unique; types and defaults as {@link TypeSpecs} and {@link DefaultValues} say.
 */
final class CreateTableConverter {
  private CreateTableConverter() {}

  static CreateTableCommand convert(CesiumSqlCreateTable node, String defaultSchema) {
    if (node.getReplace()) {
      throw new CesiumException(
          ErrorCode.FEATURE_NOT_SUPPORTED, "CREATE OR REPLACE TABLE is not supported");
    }
    QualifiedName name = QualifiedName.of(node.name, defaultSchema);
    List<String> primaryKey = primaryKey(node.columnList, name);
    List<ColumnDef> columns = columns(node.columnList, primaryKey);
    checkKeyColumns(columns, primaryKey);
    TableDef table =
        TableDef.newBuilder()
            .setSchema(name.schema())
            .setName(name.name())
            .addAllColumns(columns)
            .addAllPrimaryKey(primaryKey)
            .build();
    KeyCodec codec = KeyCodec.of(table);
    return new CreateTableCommand(
        table, SplitPoints.encodeAll(codec, node.splitPoints), node.ifNotExists());
  }

  private static List<String> primaryKey(SqlNodeList elements, QualifiedName table) {
    List<SqlKeyConstraint> keys = new ArrayList<>();
    for (SqlNode e : elements) {
      if (e instanceof SqlKeyConstraint k && k.getOperator().getKind() == SqlKind.PRIMARY_KEY) {
        keys.add(k);
      }
    }
    if (keys.size() != 1) {
      throw new CesiumException(
          ErrorCode.VALIDATION_ERROR,
          keys.isEmpty()
              ? "table " + table + " has no primary key"
              : "table " + table + " has " + keys.size() + " primary keys; declare one");
    }
    Set<String> names = new LinkedHashSet<>();
    for (SqlNode c : (SqlNodeList) keys.get(0).getOperandList().get(1)) {
      String column = ((SqlIdentifier) c).getSimple();
      if (!names.add(column)) {
        throw new CesiumException(
            ErrorCode.VALIDATION_ERROR, "primary key names column " + column + " twice");
      }
    }
    return List.copyOf(names);
  }

  private static List<ColumnDef> columns(SqlNodeList elements, List<String> primaryKey) {
    List<ColumnDef> columns = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (SqlNode e : elements) {
      if (e instanceof SqlColumnDeclaration d) {
        ColumnDef c = column(d, primaryKey.contains(d.name.getSimple()));
        if (!names.add(c.getName())) {
          throw new CesiumException(
              ErrorCode.VALIDATION_ERROR, "column " + c.getName() + " is declared twice");
        }
        columns.add(c);
      } else if (!(e instanceof SqlKeyConstraint)) {
        throw new CesiumException(ErrorCode.FEATURE_NOT_SUPPORTED, "unsupported element " + e);
      }
    }
    return columns;
  }

  private static ColumnDef column(SqlColumnDeclaration d, boolean inKey) {
    String name = d.name.getSimple();
    Boolean declared = d.dataType.getNullable();
    if (inKey && Boolean.TRUE.equals(declared)) {
      throw new CesiumException(
          ErrorCode.VALIDATION_ERROR, "primary key column " + name + " cannot be declared NULL");
    }
    ColumnDef.Builder b = TypeSpecs.column(name, d.dataType);
    b.setNullable(declared == null ? !inKey : declared);
    ColumnDef column = ColumnTypes.validate(b.build());
    if (d.expression != null) {
      column =
          column.toBuilder().setDefaultSql(DefaultValues.defaultSql(d.expression, column)).build();
    }
    return column;
  }

  private static void checkKeyColumns(List<ColumnDef> columns, List<String> primaryKey) {
    Set<String> declared = new LinkedHashSet<>();
    columns.forEach(c -> declared.add(c.getName()));
    for (String k : primaryKey) {
      if (!declared.contains(k)) {
        throw new CesiumException(
            ErrorCode.COLUMN_NOT_FOUND, "primary key column " + k + " is not a column");
      }
    }
  }
}
