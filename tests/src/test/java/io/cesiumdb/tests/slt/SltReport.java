package io.cesiumdb.tests.slt;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A conformance run's totals per suite, its failures by {@link FailureCause}, and the statements
 * that misbehaved: {@code summary.md} (quoted by docs/conformance.md) and {@code failures.tsv}. Not
 * thread-safe.
 */
final class SltReport {
  private final KnownFailures known;
  private final String command;
  private final Map<String, List<FileRun>> bySuite = new LinkedHashMap<>();
  private final List<String> filesNotRun = new ArrayList<>();

  SltReport(KnownFailures known, String command) {
    this.known = known;
    this.command = command;
  }

  void add(String suite, FileRun run) {
    bySuite.computeIfAbsent(suite, s -> new ArrayList<>()).add(run);
  }

  void fileFailed(String suite, String file, String error) {
    filesNotRun.add(suite + ": " + file + ": " + error);
  }

  /** One progress line for a file. */
  static String line(FileRun run) {
    return String.format(
        Locale.ROOT,
        "%s: %d/%d queries passed (%s), %d statements, %d misbehaved, %.1f s",
        run.file(),
        run.passed(),
        run.queries().size(),
        percent(run.passed(), run.queries().size()),
        run.statementsRun(),
        run.badStatements().size(),
        run.nanos() / 1e9);
  }

  String headline() {
    long passed = 0;
    long total = 0;
    for (List<FileRun> runs : bySuite.values()) {
      SuiteTotals t = SuiteTotals.of(runs, known);
      passed += t.passed();
      total += t.queries();
    }
    return passed + "/" + total + " queries passed (" + percent(passed, total) + ")";
  }

  static String percent(long passed, long total) {
    return total == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f%%", 100.0 * passed / total);
  }

  /** Writes summary.md and failures.tsv into {@code dir}. */
  void write(Path dir) throws IOException {
    try (PrintWriter w = writer(dir.resolve("summary.md"))) {
      writeSummary(w);
    }
    try (PrintWriter w = writer(dir.resolve("failures.tsv"))) {
      failures()
          .forEach(
              o ->
                  w.println(
                      String.join(
                          "\t",
                          o.id(),
                          FailureCause.of(o).label(),
                          known.get(o.id()).map(e -> e.kind().label()).orElse("new"),
                          o.status().name(),
                          o.detail(),
                          o.sql())));
    }
  }

  private static PrintWriter writer(Path p) throws IOException {
    return new PrintWriter(Files.newBufferedWriter(p, StandardCharsets.UTF_8));
  }

  private void writeSummary(PrintWriter w) {
    w.println("# sqllogictest run: `bin/slt " + command + "`");
    w.println();
    w.println(
        "| suite | files | queries | passed | wrong result | error | pass rate | known"
            + " failures | statements misbehaved | time |");
    w.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    bySuite.forEach(
        (suite, runs) -> {
          SuiteTotals t = SuiteTotals.of(runs, known);
          w.printf(
              Locale.ROOT,
              "| %s | %d | %d | %d | %d | %d | %s | %d | %d | %.0f s |%n",
              suite,
              t.files(),
              t.queries(),
              t.passed(),
              t.wrong(),
              t.errors(),
              t.passRate(),
              t.known(),
              t.badStatements(),
              t.nanos() / 1e9);
        });
    writeFiles(w);
    w.println();
    w.println("## Failed queries by cause");
    w.println();
    w.println("| cause | queries | meaning | first example |");
    w.println("|---|---:|---|---|");
    countBy(failures(), o -> FailureCause.of(o))
        .forEach(
            (cause, list) ->
                w.printf(
                    "| %s | %d | %s | `%s` %s |%n",
                    cause.label(),
                    list.size(),
                    cause.description(),
                    list.get(0).id(),
                    cell(list.get(0).detail())));
    writeKinds(w);
    writeStatements(w);
  }

  private void writeFiles(PrintWriter w) {
    w.println();
    w.println("## Per file");
    w.println();
    w.println("| file | queries | passed | pass rate | statements misbehaved | time |");
    w.println("|---|---:|---:|---:|---:|---:|");
    bySuite.values().stream()
        .flatMap(List::stream)
        .forEach(
            r ->
                w.printf(
                    Locale.ROOT,
                    "| %s | %d | %d | %s | %d | %.0f s |%n",
                    r.file(),
                    r.queries().size(),
                    r.passed(),
                    percent(r.passed(), r.queries().size()),
                    r.badStatements().size(),
                    r.nanos() / 1e9));
  }

  /** Listed failures of this run by {@link FailureKind}, with the first reason of each. */
  private void writeKinds(PrintWriter w) {
    w.println();
    w.println("## Known failures by kind");
    w.println();
    w.println("| kind | queries | meaning | first reason |");
    w.println("|---|---:|---|---|");
    countBy(
            failures().flatMap(o -> known.get(o.id()).stream()),
            (KnownFailures.Entry e) -> e.kind())
        .forEach(
            (kind, list) ->
                w.printf(
                    "| %s | %d | %s | `%s` %s |%n",
                    kind.label(),
                    list.size(),
                    kind.description(),
                    list.get(0).id(),
                    cell(list.get(0).reason())));
  }

  private void writeStatements(PrintWriter w) {
    w.println();
    w.println("## Statements that misbehaved, by kind and error");
    w.println();
    List<String> bad =
        bySuite.values().stream()
            .flatMap(List::stream)
            .flatMap(r -> r.badStatements().stream())
            .toList();
    countBy(bad.stream(), SltReport::statementKind)
        .forEach((kind, list) -> w.printf("- %d × %s%n", list.size(), cell(kind)));
    filesNotRun.forEach(f -> w.println("- file did not run: " + cell(f)));
  }

  /** "CREATE INDEX -- 42000 ..." from a bad-statement line: its first two words and the error. */
  static String statementKind(String badStatement) {
    int sep = badStatement.lastIndexOf(" -- ");
    String[] words = badStatement.substring(0, Math.max(sep, 0)).split("\\s+", 3);
    String head = words.length >= 2 ? words[0] + " " + words[1] : badStatement;
    String error = sep < 0 ? "" : badStatement.substring(sep + 4);
    return head.toUpperCase(Locale.ROOT)
        + " -- "
        + (error.length() > 80 ? error.substring(0, 80) + "…" : error);
  }

  private static <K, T> Map<K, List<T>> countBy(Stream<T> items, Function<T, K> key) {
    Map<K, List<T>> groups = new LinkedHashMap<>();
    items.forEach(i -> groups.computeIfAbsent(key.apply(i), k -> new ArrayList<>()).add(i));
    Map<K, List<T>> sorted = new LinkedHashMap<>();
    groups.entrySet().stream()
        .sorted((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size()))
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  private static String cell(String text) {
    String t = text.replace('|', '/').replace('`', '\'');
    return t.length() > 160 ? t.substring(0, 160) + "…" : t;
  }

  private Stream<QueryOutcome> failures() {
    return bySuite.values().stream()
        .flatMap(List::stream)
        .flatMap(r -> r.queries().stream())
        .filter(o -> !o.passed());
  }
}
