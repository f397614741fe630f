package io.cesiumdb.pd.service;

import io.cesiumdb.pd.meta.MetaState;
import io.cesiumdb.pd.meta.SchemaChange;
import io.cesiumdb.proto.placement.CreateSchema;
import io.cesiumdb.proto.placement.CreateSchemaRequest;
import io.cesiumdb.proto.placement.CreateSchemaResponse;
import io.cesiumdb.proto.placement.DropSchema;
import io.cesiumdb.proto.placement.DropSchemaRequest;
import io.cesiumdb.proto.placement.DropSchemaResponse;
import io.cesiumdb.proto.placement.GetCatalogRequest;
import io.cesiumdb.proto.placement.GetCatalogResponse;
import io.cesiumdb.proto.placement.ListSchemasResponse;
import io.cesiumdb.proto.placement.MetaCommand;
import io.cesiumdb.proto.placement.SchemaDef;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The schema and catalog-snapshot RPCs behind {@link PlacementServiceImpl}. Schema DDL goes through
 * the log on the leader's DDL thread (serialized with CreateTable, which creates a missing schema
 * and then places the table); reads are served at the ready leader from applied state.
 *
 * <p>GetCatalog is what a SQL node's catalog cache polls: it sends the version it holds and gets
 * {@code unchanged} (a few bytes) while nothing changed, or every schema and table at the new
 * version. Responses to schema DDL carry the version after the change.
 */
final class SchemaRpcs {
  private final PlacementDriver pd;

  SchemaRpcs(PlacementDriver pd) {
    this.pd = pd;
  }

  CompletableFuture<CreateSchemaResponse> create(CreateSchemaRequest req) {
    MetaCommand cmd =
        MetaCommand.newBuilder()
            .setCreateSchema(
                CreateSchema.newBuilder()
                    .setName(req.getName())
                    .setIfNotExists(req.getIfNotExists()))
            .build();
    return ddl(cmd)
        .thenApply(
            c ->
                CreateSchemaResponse.newBuilder()
                    .setCreated(c.changed())
                    .setCatalogVersion(c.catalogVersion())
                    .build());
  }

  CompletableFuture<DropSchemaResponse> drop(DropSchemaRequest req) {
    MetaCommand cmd =
        MetaCommand.newBuilder()
            .setDropSchema(
                DropSchema.newBuilder().setName(req.getName()).setIfExists(req.getIfExists()))
            .build();
    return ddl(cmd)
        .thenApply(
            c ->
                DropSchemaResponse.newBuilder()
                    .setDropped(c.changed())
                    .setCatalogVersion(c.catalogVersion())
                    .build());
  }

  CompletableFuture<ListSchemasResponse> list() {
    return pd.read(
        s ->
            ListSchemasResponse.newBuilder()
                .addAllSchemas(schemaDefs(s))
                .setCatalogVersion(s.catalogVersion())
                .build());
  }

  CompletableFuture<GetCatalogResponse> catalog(GetCatalogRequest req) {
    return pd.read(
        s -> {
          GetCatalogResponse.Builder b =
              GetCatalogResponse.newBuilder().setCatalogVersion(s.catalogVersion());
          if (req.getKnownVersion() != 0 && req.getKnownVersion() == s.catalogVersion()) {
            return b.setUnchanged(true).build();
          }
          return b.addAllSchemas(schemaDefs(s)).addAllTables(s.allTablesBySchema()).build();
        });
  }

  private CompletableFuture<SchemaChange> ddl(MetaCommand cmd) {
    return pd.submitOnDdlThread(cmd).thenApply(r -> r.value(SchemaChange.class));
  }

  private static List<SchemaDef> schemaDefs(MetaState s) {
    return s.schemas().stream().map(n -> SchemaDef.newBuilder().setName(n).build()).toList();
  }
}
