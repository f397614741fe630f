package io.cesiumdb.tests.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The known-failures list: its format, and how a run is compared with it. */
class KnownFailuresTest {
  @Test
  void aRunIsComparedWithTheList() throws Exception {
    KnownFailures known =
        KnownFailures.parse(
            new StringReader("# comment\n\nf.test#2\twrong-values\tengine-bug\tbecause\n"));
    FileRun run =
        new FileRun(
            "f.test",
            List.of(
                new QueryOutcome("f.test#1", "SELECT 1", QueryOutcome.Status.ERROR, "42000 no", 0),
                new QueryOutcome("f.test#2", "SELECT 2", QueryOutcome.Status.PASSED, "", 0)),
            0,
            List.of(),
            0,
            false);
    assertEquals(1, known.size());
    assertEquals(List.of("f.test#1 ERROR: 42000 no\n    SELECT 1"), known.unexpected(run));
    assertEquals(List.of("f.test#2 (listed as wrong-values)"), known.nowPassing(run));
  }

  @Test
  void malformedAndDuplicateLinesAreRefusedWithTheirLine() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> KnownFailures.parse(new StringReader("f.test#1\tcause\n")));
    assertTrue(e.getMessage().contains(":1:"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                KnownFailures.parse(
                    new StringReader("a\twrong-values\tsqlite\tc\na\twrong-values\tsqlite\tc\n")));
    assertTrue(e.getMessage().contains(":2: a listed twice"), e.getMessage());
  }

  @Test
  void everyEntryNamesWhoseBehaviourItIs() throws Exception {
    KnownFailures known =
        KnownFailures.parse(new StringReader("f.test#1\tother-error\tunsupported\tno FLOAT\n"));
    assertEquals(FailureKind.UNSUPPORTED, known.get("f.test#1").orElseThrow().kind());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> KnownFailures.parse(new StringReader("f.test#1\twrong-values\twhy\n")));
    assertTrue(
        e.getMessage().contains(":1: want id<TAB>cause<TAB>kind<TAB>reason"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> KnownFailures.parse(new StringReader("f.test#1\twrong-values\tluck\twhy\n")));
    assertTrue(e.getMessage().contains(":1: no kind luck"), e.getMessage());
  }

  @Test
  void theCheckedInListLoadsWithACauseAndKindForEveryEntry() {
    KnownFailures known = KnownFailures.load();
    assertTrue(known.size() > 0);
    assertEquals(
        FailureKind.SQLITE, known.get("evidence/in2.test#7").orElseThrow().kind(), "empty IN ()");
  }

  @Test
  void anUnknownCauseIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> KnownFailures.parse(new StringReader("f.test#1\tbad-luck\tcalcite\twhy\n")));
    assertTrue(e.getMessage().contains(":1: no cause bad-luck"), e.getMessage());
  }
}
