package io.cesiumdb.sql.ddl;

import com.google.protobuf.ByteString;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.placement.TableDef;
import io.cesiumdb.sql.catalog.Catalog;
import io.cesiumdb.sql.codec.KeyCodec;
import io.cesiumdb.sql.infoschema.InformationSchema;
import io.cesiumdb.sql.parser.CesiumParser;
import io.cesiumdb.sql.parser.CesiumSqlAlterTableSplit;
import io.cesiumdb.sql.parser.CesiumSqlCreateTable;
import java.util.Optional;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.ddl.SqlCreateSchema;
import org.apache.calcite.sql.ddl.SqlDropTable;

/**
 * Parsed DDL to {@link DdlCommand}s: validates everything that can be checked without the placement
 * driver (types, keys, defaults, split points) and encodes split points. Does not execute: whether
 * a schema exists or a name is taken is the placement driver's answer at execution.
 *
 * <p>Bare names resolve in the session's default schema. Stateless apart from the catalog it reads
 * (only ALTER TABLE needs it, for the key columns); thread-safe when the catalog is.
 */
public final class DdlConverter {
  private final Catalog catalog;
  private final String defaultSchema;

  public DdlConverter(Catalog catalog, String defaultSchema) {
    this.catalog = catalog;
    this.defaultSchema = defaultSchema;
  }

  /** True for the statements {@link #convert} handles. */
  public static boolean isDdl(SqlNode node) {
    return node instanceof CesiumSqlCreateTable
        || node instanceof SqlCreateSchema
        || node instanceof SqlDropTable
        || node instanceof CesiumSqlAlterTableSplit;
  }

  /** Parses one statement and converts it; {@code VALIDATION_ERROR} if it is not DDL. */
  public DdlCommand convert(String sql) {
    return convert(CesiumParser.parseStatement(sql));
  }

  public DdlCommand convert(SqlNode node) {
    if (node instanceof CesiumSqlCreateTable create) {
      return CreateTableConverter.convert(create, defaultSchema);
    }
    if (node instanceof SqlCreateSchema create) {
      return createSchema(create);
    }
    if (node instanceof SqlDropTable drop) {
      QualifiedName name = QualifiedName.of(drop.name, defaultSchema);
      return new DropTableCommand(name.schema(), name.name(), drop.ifExists);
    }
    if (node instanceof CesiumSqlAlterTableSplit alter) {
      return split(alter);
    }
    throw new CesiumException(ErrorCode.VALIDATION_ERROR, "not a DDL statement: " + node.getKind());
  }

  private static CreateSchemaCommand createSchema(SqlCreateSchema create) {
    if (create.getReplace()) {
      throw new CesiumException(
          ErrorCode.FEATURE_NOT_SUPPORTED, "CREATE OR REPLACE SCHEMA is not supported");
    }
    if (create.name.names.size() != 1) {
      throw new CesiumException(
          ErrorCode.VALIDATION_ERROR, "schema name " + create.name + " must be a single name");
    }
    if (InformationSchema.isSystemSchema(create.name.getSimple())) {
      throw new CesiumException(
          ErrorCode.VALIDATION_ERROR, "schema " + InformationSchema.NAME + " is reserved");
    }
    return new CreateSchemaCommand(create.name.getSimple(), create.ifNotExists);
  }

  private SplitTableCommand split(CesiumSqlAlterTableSplit alter) {
    QualifiedName name = QualifiedName.of(alter.name, defaultSchema);
    Optional<TableDef> table = catalog.table(name.schema(), name.name());
    if (table.isEmpty()) {
      throw new CesiumException(ErrorCode.TABLE_NOT_FOUND, "no table " + name);
    }
    ByteString key = SplitPoints.encode(KeyCodec.of(table.get()), alter.point);
    return new SplitTableCommand(table.get(), key);
  }
}
