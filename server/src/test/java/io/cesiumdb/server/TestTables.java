package io.cesiumdb.server;

import com.google.protobuf.ByteString;
import io.cesiumdb.proto.placement.ColumnDef;
import io.cesiumdb.proto.placement.ColumnType;
import io.cesiumdb.proto.placement.CreateTableRequest;
import io.cesiumdb.proto.placement.CreateTableResponse;
import io.cesiumdb.proto.placement.TableDef;
import io.cesiumdb.server.rpc.PdClient;
import java.time.Duration;
import java.util.List;

/** Creates tables through the placement driver for tests. */
public final class TestTables {
  private TestTables() {}

  /** Creates {@code app.<name>} with {@code splits} split points (splits + 1 tablets). */
  public static CreateTableResponse create(String pdAddress, String name, int splits) {
    CreateTableRequest.Builder req =
        CreateTableRequest.newBuilder()
            .setTable(
                TableDef.newBuilder()
                    .setSchema("app")
                    .setName(name)
                    .addColumns(ColumnDef.newBuilder().setName("id").setType(ColumnType.BIGINT))
                    .addPrimaryKey("id"));
    for (int i = 1; i <= splits; i++) {
      req.addSplitPoints(ByteString.copyFromUtf8(String.format("k%04d", i * 100)));
    }
    try (PdClient pd = new PdClient("test", List.of(pdAddress), Duration.ofSeconds(20))) {
      return pd.call(s -> s.createTable(req.build()), CreateTableResponse::getError);
    }
  }
}
