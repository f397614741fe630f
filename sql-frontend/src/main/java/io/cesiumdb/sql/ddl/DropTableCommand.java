package io.cesiumdb.sql.ddl;

import io.cesiumdb.proto.placement.DropTableRequest;

/** {@code DROP TABLE [IF EXISTS] schema.name}. */
public record DropTableCommand(String schema, String name, boolean ifExists) implements DdlCommand {
  /** The placement driver request ({@code ifExists} is the caller's to honour). */
  public DropTableRequest toRequest() {
    return DropTableRequest.newBuilder().setSchema(schema).setName(name).build();
  }
}
