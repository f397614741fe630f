package io.cesiumdb.sql.meta;

/**
 * Knobs of {@link CesiumMeta}.
 *
 * @param maxFrameRows most rows sent in one frame (the first one with the execute response, then
 *     one per fetch); the driver may ask for fewer with {@code setFetchSize}. Default 1000.
 */
public record CesiumMetaConfig(int maxFrameRows) {
  public static final int DEFAULT_MAX_FRAME_ROWS = 1000;

  public CesiumMetaConfig {
    if (maxFrameRows < 1) {
      throw new IllegalArgumentException("maxFrameRows must be positive: " + maxFrameRows);
    }
  }

  public static CesiumMetaConfig defaults() {
    return new CesiumMetaConfig(DEFAULT_MAX_FRAME_ROWS);
  }
}
