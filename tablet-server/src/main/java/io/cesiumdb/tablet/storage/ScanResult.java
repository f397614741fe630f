package io.cesiumdb.tablet.storage;

import java.util.List;

/**
 * One page of a scan.
 *
 * @param rows the visible rows in key order, at most the requested limit
 * @param resumeKey null when the range is exhausted; otherwise the user key of the next visible
 *     row, to pass as the next scan's start key (so a non-null resume key means more rows exist)
 */
public record ScanResult(List<VersionedValue> rows, byte[] resumeKey) {
  /** Copies the inputs so the record stays immutable. */
  public ScanResult {
    rows = List.copyOf(rows);
    resumeKey = resumeKey == null ? null : resumeKey.clone();
  }

  @Override
  public byte[] resumeKey() {
    return resumeKey == null ? null : resumeKey.clone();
  }

  /** Returns true if the range holds more rows after this page. */
  public boolean hasMore() {
    return resumeKey != null;
  }
}
