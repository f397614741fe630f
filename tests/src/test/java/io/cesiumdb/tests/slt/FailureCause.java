package io.cesiumdb.tests.slt;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Why a sqllogictest query fails on CesiumDB, sorted by its error text (SQLSTATE and message) or
 * the library's mismatch report so the report can say what the engine lacks. {@link #of} takes the
 * first cause whose pattern matches; the known-failures list names causes by {@link #label}.
 */
enum FailureCause {
  /**
   * The query ran past bin/slt's per-query budget or took the cluster process down (it exits on
   * OutOfMemoryError). Listed ones are not run again: each costs a cluster restart.
   */
  RUNAWAY(
      "ran past the per-query time budget or exhausted the cluster's heap",
      "^(" + QueryBudget.EXCEEDED + "|" + QueryBudget.DIED + "|not run: listed)",
      true),
  /** Never sent: bin/slt gave up on the file after repeated runaway queries. */
  NOT_RUN(
      "not run: its file was abandoned after repeated runaway queries", "^not run: file", false),
  /** The query names a table or view that the file's DDL could not create here. */
  MISSING_TABLE(
      "a table or view the query reads was never created (its CREATE failed: see statements)",
      "^42P01 .*Object '[^']*' not found",
      false),
  /** SQLite compares values of different types; Calcite's validator refuses such IN lists. */
  IN_MIXED_TYPES(
      "IN / NOT IN over values of incompatible types (SQLite compares them loosely)",
      "must have compatible types",
      false),
  /** Grammar the parser does not accept (e.g. SQLite's empty IN list). */
  SYNTAX("SQL the parser does not accept", "^42601 ", false),
  WRONG_ROW_COUNT("the query returns too many or too few rows", "^Expected \\d+ rows", false),
  WRONG_VALUES("the rows' values differ from SQLite's", "^(Output differs|Hash of data)", false),
  OTHER_ERROR("an engine error not yet sorted into a cause", "", false);

  private final String description;
  private final Pattern pattern;
  private final boolean skip;

  FailureCause(String description, String regex, boolean skip) {
    this.description = description;
    this.pattern = Pattern.compile(regex, Pattern.DOTALL);
    this.skip = skip;
  }

  /** The cause's name in the known-failures list and the report, e.g. {@code wrong-values}. */
  String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  String description() {
    return description;
  }

  /** Whether a query listed with this cause is not run at all. */
  boolean skip() {
    return skip;
  }

  /** The cause with this {@link #label}, if any. */
  static Optional<FailureCause> ofLabel(String label) {
    return Arrays.stream(values()).filter(c -> c.label().equals(label)).findFirst();
  }

  /** The cause of a failed query, from its {@link QueryOutcome#detail}. */
  static FailureCause of(QueryOutcome outcome) {
    for (FailureCause c : values()) {
      if (c.pattern.matcher(outcome.detail()).find()) {
        return c;
      }
    }
    return OTHER_ERROR;
  }
}
