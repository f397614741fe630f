package io.cesiumdb.sql.meta;

import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.avatica.remote.ProtobufMeta;

/**
 * The {@code DatabaseMetaData} calls about things CesiumDB does not have — foreign keys,
 * procedures, functions, user-defined types, privileges, pseudo and version columns, client info
 * properties: empty results with the column layouts Avatica itself uses for them ({@code
 * MetaImpl}'s row classes), so a tool reading them by label finds every column and no rows. Kept
 * apart from {@link CesiumMeta} so that it reads as what the engine does serve.
 */
abstract class NoObjectsMeta implements ProtobufMeta {
  /** An empty result shaped like {@code rowClass} on connection {@code ch}. */
  abstract MetaResultSet empty(ConnectionHandle ch, Class<?> rowClass);

  @Override
  public MetaResultSet getImportedKeys(
      ConnectionHandle ch, String catalog, String schema, String table) {
    return empty(ch, MetaImpl.MetaImportedKey.class);
  }

  @Override
  public MetaResultSet getExportedKeys(
      ConnectionHandle ch, String catalog, String schema, String table) {
    return empty(ch, MetaImpl.MetaExportedKey.class);
  }

  @Override
  public MetaResultSet getCrossReference(
      ConnectionHandle ch,
      String parentCatalog,
      String parentSchema,
      String parentTable,
      String foreignCatalog,
      String foreignSchema,
      String foreignTable) {
    return empty(ch, MetaImpl.MetaCrossReference.class);
  }

  @Override
  public MetaResultSet getProcedures(
      ConnectionHandle ch, String catalog, Pat schemaPattern, Pat procedureNamePattern) {
    return empty(ch, MetaImpl.MetaProcedure.class);
  }

  @Override
  public MetaResultSet getProcedureColumns(
      ConnectionHandle ch,
      String catalog,
      Pat schemaPattern,
      Pat procedureNamePattern,
      Pat columnNamePattern) {
    return empty(ch, MetaImpl.MetaProcedureColumn.class);
  }

  @Override
  public MetaResultSet getColumnPrivileges(
      ConnectionHandle ch, String catalog, String schema, String table, Pat columnNamePattern) {
    return empty(ch, MetaImpl.MetaColumnPrivilege.class);
  }

  @Override
  public MetaResultSet getTablePrivileges(
      ConnectionHandle ch, String catalog, Pat schemaPattern, Pat tableNamePattern) {
    return empty(ch, MetaImpl.MetaTablePrivilege.class);
  }

  @Override
  public MetaResultSet getBestRowIdentifier(
      ConnectionHandle ch,
      String catalog,
      String schema,
      String table,
      int scope,
      boolean nullable) {
    return empty(ch, MetaImpl.MetaBestRowIdentifier.class);
  }

  @Override
  public MetaResultSet getVersionColumns(
      ConnectionHandle ch, String catalog, String schema, String table) {
    return empty(ch, MetaImpl.MetaVersionColumn.class);
  }

  @Override
  public MetaResultSet getUDTs(
      ConnectionHandle ch, String catalog, Pat schemaPattern, Pat typeNamePattern, int[] types) {
    return empty(ch, MetaImpl.MetaUdt.class);
  }

  @Override
  public MetaResultSet getSuperTypes(
      ConnectionHandle ch, String catalog, Pat schemaPattern, Pat typeNamePattern) {
    return empty(ch, MetaImpl.MetaSuperType.class);
  }

  @Override
  public MetaResultSet getSuperTables(
      ConnectionHandle ch, String catalog, Pat schemaPattern, Pat tableNamePattern) {
    return empty(ch, MetaImpl.MetaSuperTable.class);
  }

  @Override
  public MetaResultSet getAttributes(
      ConnectionHandle ch,
      String catalog,
      Pat schemaPattern,
      Pat typeNamePattern,
      Pat attributeNamePattern) {
    return empty(ch, MetaImpl.MetaAttribute.class);
  }

  @Override
  public MetaResultSet getClientInfoProperties(ConnectionHandle ch) {
    return empty(ch, MetaImpl.MetaClientInfoProperty.class);
  }

  @Override
  public MetaResultSet getFunctions(
      ConnectionHandle ch, String catalog, Pat schemaPattern, Pat functionNamePattern) {
    return empty(ch, MetaImpl.MetaFunction.class);
  }

  @Override
  public MetaResultSet getFunctionColumns(
      ConnectionHandle ch,
      String catalog,
      Pat schemaPattern,
      Pat functionNamePattern,
      Pat columnNamePattern) {
    return empty(ch, MetaImpl.MetaFunctionColumn.class);
  }

  @Override
  public MetaResultSet getPseudoColumns(
      ConnectionHandle ch,
      String catalog,
      Pat schemaPattern,
      Pat tableNamePattern,
      Pat columnNamePattern) {
    return empty(ch, MetaImpl.MetaPseudoColumn.class);
  }
}
