package io.cesiumdb.sql.parser;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWriter;

/** Unparses one split point as {@code (v, …)}; shared by the two nodes that carry them. */
final class SplitPointWriter {
  private SplitPointWriter() {}

  static void write(SqlWriter writer, SqlNodeList point) {
    SqlWriter.Frame frame = writer.startList("(", ")");
    for (SqlNode value : point) {
      writer.sep(",");
      value.unparse(writer, 0, 0);
    }
    writer.endList(frame);
  }
}
