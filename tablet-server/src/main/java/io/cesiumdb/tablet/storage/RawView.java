package io.cesiumdb.tablet.storage;

/**
 * Engine-specific access to encoded entries as of one point in time (the live store or a snapshot).
 * Implemented by {@link RocksRawView} and {@link InMemoryRawView}.
 */
interface RawView {
  /** Opens a cursor over data entries in [lower, upper); a null upper means unbounded. */
  RawCursor dataCursor(byte[] lower, byte[] upper);

  /** Opens a cursor over meta entries in [lower, upper). */
  RawCursor metaCursor(byte[] lower, byte[] upper);

  /** Returns the stored value of an encoded meta key, or null. */
  byte[] getMeta(byte[] metaKey);
}
