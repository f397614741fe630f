package io.cesiumdb.jdbc;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.calcite.avatica.BuiltInConnectionProperty;

/**
 * Turns a URL and the caller's properties into what Avatica's connection is built from, and into
 * what the server receives with the connection request.
 */
final class ConnectionSettings {
  private ConnectionSettings() {}

  /**
   * The connection's properties: URL parameters and schema, overridden by {@code info}, plus the
   * Avatica settings that route the connection through {@link GrpcServiceFactory}.
   *
   * @throws IllegalArgumentException when a timeout is not a non-negative number
   */
  static Properties merge(String url, CesiumUrl parsed, Properties info) {
    Properties merged = new Properties();
    parsed.parameters().forEach(merged::setProperty);
    parsed.schema().ifPresent(s -> merged.setProperty(CesiumProperty.SCHEMA.key(), s));
    if (info != null) {
      info.forEach((k, v) -> merged.setProperty(String.valueOf(k), String.valueOf(v)));
    }
    CesiumProperty.CONNECT_TIMEOUT_MS.getMillis(merged);
    CesiumProperty.CALL_TIMEOUT_MS.getMillis(merged);
    merged.setProperty(
        BuiltInConnectionProperty.FACTORY.camelName(), GrpcServiceFactory.class.getName());
    merged.setProperty(BuiltInConnectionProperty.URL.camelName(), url);
    // NB: Avatica's transparent reconnection re-opens a connection the server lost and retries;
    // with an open transaction that would commit nothing and report success. Never on.
    merged.setProperty(BuiltInConnectionProperty.TRANSPARENT_RECONNECTION.camelName(), "false");
    return merged;
  }

  /**
   * What the server's {@code OpenConnectionRequest} carries: user, password, schema and every
   * property that is neither the driver's own nor an Avatica client setting.
   */
  static Map<String, String> forServer(Properties merged) {
    Map<String, String> info = new HashMap<>();
    for (String key : merged.stringPropertyNames()) {
      boolean local =
          BuiltInConnectionProperty.isLocalProperty(key)
              || CesiumProperty.CONNECT_TIMEOUT_MS.key().equals(key)
              || CesiumProperty.CALL_TIMEOUT_MS.key().equals(key);
      if (!local) {
        info.put(key, merged.getProperty(key));
      }
    }
    String schema = CesiumProperty.SCHEMA.get(merged);
    if (schema != null) {
      info.put(CesiumProperty.SCHEMA.key(), schema);
    }
    return info;
  }
}
