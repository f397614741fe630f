package io.cesiumdb.sql.parser;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code SHOW name}: one session variable as a one-row result ({@code COMMIT_TIMESTAMP}, {@code
 * READ_TIMESTAMP}, as Spanner's JDBC driver offers them). The parser accepts any identifier; the
 * session ({@code io.cesiumdb.sql.session}) knows the variables and refuses the others.
 */
public final class CesiumSqlShow extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("SHOW", SqlKind.OTHER);

  private final SqlIdentifier name;

  public CesiumSqlShow(SqlParserPos pos, SqlIdentifier name) {
    super(pos);
    this.name = Objects.requireNonNull(name, "name");
  }

  /** The variable, as written (unquoted names are upper-cased by the parser). */
  public String name() {
    return name.getSimple();
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(name);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("SHOW");
    name.unparse(writer, leftPrec, rightPrec);
  }
}
