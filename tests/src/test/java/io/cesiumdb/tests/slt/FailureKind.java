package io.cesiumdb.tests.slt;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Whose behaviour a known failure is, as the known-failures list must say for every entry: a {@link
 * FailureCause} tells what a query did (wrong values, an error, ran away), the kind tells why, so
 * the list separates what CesiumDB lacks on purpose from what it gets wrong. An entry without a
 * kind is refused, so a failure cannot be listed without being diagnosed.
 */
enum FailureKind {
  /** A feature CesiumDB does not have (yet), e.g. join reordering or a column type. */
  UNSUPPORTED("a feature CesiumDB does not have (yet)"),
  /** CesiumDB gets it wrong: a bug to fix, listed until it is. */
  ENGINE_BUG("a CesiumDB bug, listed until fixed"),
  /** Calcite's validator or planner behaves so, and CesiumDB inherits it. */
  CALCITE("behaviour CesiumDB inherits from Calcite's validator or planner"),
  /** SQLite semantics that standard SQL engines do not share (loose typing, empty IN lists). */
  SQLITE("SQLite-specific semantics that standard SQL does not share");

  private final String description;

  FailureKind(String description) {
    this.description = description;
  }

  /** The kind's name in the known-failures list, e.g. {@code engine-bug}. */
  String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  String description() {
    return description;
  }

  /** The kind with this {@link #label}, if any. */
  static Optional<FailureKind> ofLabel(String label) {
    return Arrays.stream(values()).filter(k -> k.label().equals(label)).findFirst();
  }
}
