package io.cesiumdb.sql.ddl;

import com.google.protobuf.ByteString;
import io.cesiumdb.proto.placement.CreateTableRequest;
import io.cesiumdb.proto.placement.TableDef;
import java.util.List;

/**
 * {@code CREATE TABLE}: the table (id 0 and schema version 0, both assigned by the placement
 * driver) and its initial split points, encoded keys in strictly increasing order (N points give N
 * + 1 tablets).
 */
public record CreateTableCommand(TableDef table, List<ByteString> splitPoints, boolean ifNotExists)
    implements DdlCommand {
  public CreateTableCommand {
    splitPoints = List.copyOf(splitPoints);
  }

  /** The placement driver request ({@code ifNotExists} is the caller's to honour). */
  public CreateTableRequest toRequest() {
    return CreateTableRequest.newBuilder().setTable(table).addAllSplitPoints(splitPoints).build();
  }
}
