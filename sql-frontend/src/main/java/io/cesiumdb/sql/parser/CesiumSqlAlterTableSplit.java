package io.cesiumdb.sql.parser;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlDdl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/**
 * {@code ALTER TABLE name SPLIT AT (v, …)}: one on-demand split at the key whose first columns are
 * the values (a prefix of the primary key is allowed). One point per statement because the
 * placement driver's {@code SplitTablet} takes one key.
 */
public final class CesiumSqlAlterTableSplit extends SqlDdl {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("ALTER TABLE", SqlKind.ALTER_TABLE);

  public final SqlIdentifier name;

  /** The values of the first key columns, in key order. */
  public final SqlNodeList point;

  public CesiumSqlAlterTableSplit(SqlParserPos pos, SqlIdentifier name, SqlNodeList point) {
    super(OPERATOR, pos);
    this.name = Objects.requireNonNull(name, "name");
    this.point = Objects.requireNonNull(point, "point");
  }

  @Override
  public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, point);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("ALTER TABLE");
    name.unparse(writer, leftPrec, rightPrec);
    writer.keyword("SPLIT AT");
    SplitPointWriter.write(writer, point);
  }
}
