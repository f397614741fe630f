package io.cesiumdb.tests.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Failed queries are sorted into causes by their error or mismatch text. */
class FailureCauseTest {
  private static FailureCause of(String detail) {
    return FailureCause.of(
        new QueryOutcome("f.test#1", "SELECT 1", QueryOutcome.Status.ERROR, detail, 0));
  }

  @Test
  void errorsAndMismatchesGetTheirCause() {
    assertEquals(
        FailureCause.MISSING_TABLE, of("42P01 [CAT-2] From line 1: Object 'T1' not found"));
    assertEquals(
        FailureCause.IN_MIXED_TYPES,
        of("42000 [SQL-2] Values passed to IN operator must have compatible types"));
    assertEquals(FailureCause.SYNTAX, of("42601 [SQL-1] Encountered \")\" at line 1"));
    assertEquals(FailureCause.WRONG_ROW_COUNT, of("Expected 10 rows, got 5"));
    assertEquals(FailureCause.WRONG_VALUES, of("Hash of data does not match expected value"));
    assertEquals(FailureCause.RUNAWAY, of(QueryBudget.EXCEEDED + " of 30 s"));
    assertEquals(FailureCause.OTHER_ERROR, of("XX000 something new"));
  }

  @Test
  void onlyRunawayQueriesAreSkippedAndLabelsRoundTrip() {
    assertTrue(FailureCause.RUNAWAY.skip());
    assertFalse(FailureCause.WRONG_VALUES.skip());
    for (FailureCause c : FailureCause.values()) {
      assertEquals(c, FailureCause.ofLabel(c.label()).orElseThrow());
    }
    assertEquals("in-mixed-types", FailureCause.IN_MIXED_TYPES.label());
  }
}
