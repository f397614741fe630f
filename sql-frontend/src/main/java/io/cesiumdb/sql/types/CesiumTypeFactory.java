package io.cesiumdb.sql.types;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;

/**
 * The type factory the planner uses: Calcite's Java type factory over {@link CesiumTypeSystem},
 * with UTF-8 as the character set of every string type and literal. Calcite's default is ISO-8859-1
 * (the {@code calcite.default.charset} system property), under which a literal such as {@code
 * 'привет'} fails validation; changing it here leaves the JVM-wide property alone. Strings are Java
 * {@code String}s in the engine either way; the charset only matters to the validator.
 */
public final class CesiumTypeFactory extends JavaTypeFactoryImpl {
  public CesiumTypeFactory() {
    super(CesiumTypeSystem.INSTANCE);
  }

  @Override
  public Charset getDefaultCharset() {
    return StandardCharsets.UTF_8;
  }
}
