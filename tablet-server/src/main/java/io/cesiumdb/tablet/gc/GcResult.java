package io.cesiumdb.tablet.gc;

/**
 * What one bounded {@link VersionGc#collect} call added to its batch.
 *
 * @param removed the number of versions whose removal was added to the batch ({@code <=
 *     maxVersions})
 * @param resumeKey null when the range holds nothing more to collect at this horizon; otherwise the
 *     user key to pass as the next call's start key, once this call's batch is applied
 */
public record GcResult(long removed, byte[] resumeKey) {
  /** Copies the resume key so the record stays immutable. */
  public GcResult {
    if (removed < 0) {
      throw new IllegalArgumentException("removed must be >= 0: " + removed);
    }
    resumeKey = resumeKey == null ? null : resumeKey.clone();
  }

  @Override
  public byte[] resumeKey() {
    return resumeKey == null ? null : resumeKey.clone();
  }

  /** Returns true if the range is fully collected at this horizon. */
  public boolean done() {
    return resumeKey == null;
  }
}
