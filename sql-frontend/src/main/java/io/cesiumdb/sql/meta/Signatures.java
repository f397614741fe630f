package io.cesiumdb.sql.meta;

import io.cesiumdb.sql.session.PreparedSql;
import io.cesiumdb.sql.session.ResultColumn;
import io.cesiumdb.sql.types.JdbcType;
import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.AvaticaParameter;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Our result columns and parameters as Avatica's {@link ColumnMetaData} / {@link AvaticaParameter}
 * (what {@code ResultSetMetaData} and {@code ParameterMetaData} report): {@link Types} codes,
 * precision and scale from {@link JdbcType}, nullability, and, for columns that show a table
 * column, its schema, table and column names (tools use them to edit rows). The {@link
 * ColumnMetaData.Rep} of each column matches the values {@link JdbcValues} puts in frames.
 */
final class Signatures {
  private Signatures() {}

  /** The signature of a prepared statement: columns, parameters and statement type. */
  static Meta.Signature of(PreparedSql statement) {
    return new Meta.Signature(
        columns(statement.columns()),
        statement.sql(),
        parameters(statement.parameters()),
        null,
        Meta.CursorFactory.LIST,
        statementType(statement.kind()));
  }

  /** The signature of rows returned by {@code sql} run directly. */
  static Meta.Signature ofRows(String sql, List<ResultColumn> columns) {
    return new Meta.Signature(
        columns(columns), sql, List.of(), null, Meta.CursorFactory.LIST, Meta.StatementType.SELECT);
  }

  static Meta.StatementType statementType(PreparedSql.Kind kind) {
    return switch (kind) {
      case QUERY -> Meta.StatementType.SELECT;
      case DML -> Meta.StatementType.IS_DML;
      case DDL, TRANSACTION_CONTROL -> Meta.StatementType.OTHER_DDL;
    };
  }

  static List<ColumnMetaData> columns(List<ResultColumn> columns) {
    List<ColumnMetaData> out = new ArrayList<>(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      out.add(column(i, columns.get(i)));
    }
    return out;
  }

  static ColumnMetaData column(int ordinal, ResultColumn c) {
    JdbcType j = JdbcType.of(c.type(), c.precision(), c.scale());
    boolean fromTable = c.tableName() != null;
    boolean text = j.sqlType() == Types.VARCHAR || j.sqlType() == Types.CHAR;
    ColumnMetaData.ScalarType type =
        ColumnMetaData.scalar(j.sqlType(), j.typeName(), rep(c.type()));
    return new ColumnMetaData(
        ordinal,
        false,
        text,
        true,
        false,
        c.nullable() ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls,
        j.signed(),
        j.displaySize(),
        c.name(),
        fromTable ? c.columnName() : c.name(),
        fromTable ? c.schemaName() : "",
        j.columnSize(),
        j.decimalDigits() == null ? 0 : j.decimalDigits(),
        fromTable ? c.tableName() : "",
        "",
        type,
        !fromTable,
        fromTable,
        false,
        type.columnClassName());
  }

  static List<AvaticaParameter> parameters(List<ResultColumn> params) {
    List<AvaticaParameter> out = new ArrayList<>(params.size());
    for (int i = 0; i < params.size(); i++) {
      ResultColumn p = params.get(i);
      JdbcType j = JdbcType.of(p.type(), p.precision(), p.scale());
      String className =
          ColumnMetaData.scalar(j.sqlType(), j.typeName(), rep(p.type())).columnClassName();
      out.add(
          new AvaticaParameter(
              j.signed(),
              j.columnSize(),
              j.decimalDigits() == null ? 0 : j.decimalDigits(),
              j.sqlType(),
              j.typeName(),
              className,
              "?" + (i + 1)));
    }
    return out;
  }

  /** How values of {@code type} travel in frames (see {@link JdbcValues#toFrameValue}). */
  static ColumnMetaData.Rep rep(SqlTypeName type) {
    return switch (type) {
      case BOOLEAN -> ColumnMetaData.Rep.BOOLEAN;
      case TINYINT -> ColumnMetaData.Rep.BYTE;
      case SMALLINT -> ColumnMetaData.Rep.SHORT;
      case INTEGER, DATE, TIME -> ColumnMetaData.Rep.INTEGER;
      case BIGINT, TIMESTAMP -> ColumnMetaData.Rep.LONG;
      case REAL -> ColumnMetaData.Rep.FLOAT;
      case FLOAT, DOUBLE -> ColumnMetaData.Rep.DOUBLE;
      case DECIMAL -> ColumnMetaData.Rep.NUMBER;
      case CHAR, VARCHAR -> ColumnMetaData.Rep.STRING;
      case BINARY, VARBINARY -> ColumnMetaData.Rep.BYTE_STRING;
      default -> ColumnMetaData.Rep.OBJECT;
    };
  }
}
