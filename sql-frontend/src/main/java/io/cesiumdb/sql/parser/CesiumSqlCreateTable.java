package io.cesiumdb.sql.parser;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.ddl.SqlCreateTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/**
 * {@code CREATE TABLE … [SPLIT AT ((v, …), …)]}: Calcite's {@link SqlCreateTable} plus the initial
 * split points, so code that only cares about columns and constraints can treat it as the standard
 * node. A column-level {@code PRIMARY KEY} arrives here already rewritten into a table-level
 * constraint in {@link #columnList}.
 */
public final class CesiumSqlCreateTable extends SqlCreateTable {
  /** One {@link SqlNodeList} per split point: the values of the first key columns. */
  public final SqlNodeList splitPoints;

  public CesiumSqlCreateTable(
      SqlParserPos pos,
      boolean replace,
      boolean ifNotExists,
      SqlIdentifier name,
      SqlNodeList columnList,
      SqlNodeList splitPoints) {
    super(pos, replace, ifNotExists, name, columnList, null);
    this.splitPoints = Objects.requireNonNull(splitPoints, "splitPoints");
  }

  public boolean ifNotExists() {
    return ifNotExists;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, columnList, splitPoints);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    super.unparse(writer, leftPrec, rightPrec);
    if (splitPoints.isEmpty()) {
      return;
    }
    writer.keyword("SPLIT AT");
    SqlWriter.Frame all = writer.startList("(", ")");
    for (SqlNode point : splitPoints) {
      writer.sep(",");
      SplitPointWriter.write(writer, (SqlNodeList) point);
    }
    writer.endList(all);
  }
}
