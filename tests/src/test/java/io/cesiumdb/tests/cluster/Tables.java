package io.cesiumdb.tests.cluster;

import com.google.protobuf.ByteString;
import io.cesiumdb.proto.placement.ColumnDef;
import io.cesiumdb.proto.placement.ColumnType;
import io.cesiumdb.proto.placement.CreateTableRequest;
import io.cesiumdb.proto.placement.CreateTableResponse;
import io.cesiumdb.proto.placement.ListTabletsRequest;
import io.cesiumdb.proto.placement.TableDef;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import java.util.List;

/** A two-column test table created through the placement driver, and its keys. */
public final class Tables {
  private Tables() {}

  /** {@code app.<name>(id BIGINT PRIMARY KEY, v VARCHAR)}. */
  public static TableDef table(String name) {
    return TableDef.newBuilder()
        .setSchema("app")
        .setName(name)
        .addColumns(ColumnDef.newBuilder().setName("id").setType(ColumnType.BIGINT))
        .addColumns(
            ColumnDef.newBuilder().setName("v").setType(ColumnType.VARCHAR).setNullable(true))
        .addPrimaryKey("id")
        .build();
  }

  /** Creates the table with the given split points; returns its tablets in key order. */
  public static CreateTableResponse create(PdCalls pd, String name, List<ByteString> splits) {
    CreateTableRequest request =
        CreateTableRequest.newBuilder().setTable(table(name)).addAllSplitPoints(splits).build();
    return pd.call(s -> s.createTable(request), r -> r.getError());
  }

  /** The table's tablets as the PD leader's directory lists them now. */
  public static List<TabletDescriptor> tablets(PdCalls pd, long tableId) {
    return pd.call(
            s -> s.listTablets(ListTabletsRequest.newBuilder().setTableId(tableId).build()),
            r -> r.getError())
        .getTabletsList();
  }

  /** Key {@code n} of the tests' keyspace layout: "k" and six digits, so order = numeric order. */
  public static ByteString key(long n) {
    return ByteString.copyFromUtf8(String.format("k%06d", n));
  }
}
