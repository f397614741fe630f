package io.cesiumdb.sql.ddl;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import org.apache.calcite.sql.SqlIdentifier;

/** {@code schema.name}, with the session's default schema filled in for a bare name. */
record QualifiedName(String schema, String name) {
  static QualifiedName of(SqlIdentifier id, String defaultSchema) {
    return switch (id.names.size()) {
      case 1 -> new QualifiedName(defaultSchema, id.names.get(0));
      case 2 -> new QualifiedName(id.names.get(0), id.names.get(1));
      default ->
          throw new CesiumException(
              ErrorCode.VALIDATION_ERROR, "name " + id + " has too many parts; use schema.name");
    };
  }

  @Override
  public String toString() {
    return schema + "." + name;
  }
}
