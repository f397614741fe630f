package io.cesiumdb.tests.slt;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The checked-in list of sqllogictest queries CesiumDB is known to fail ({@code
 * slt/known-failures.tsv}): one line per query, {@code id <TAB> cause <TAB> kind <TAB> reason}
 * ({@link FailureCause}: what the query does; {@link FailureKind}: whose behaviour that is), {@code
 * #} starts a comment. The CI subset fails on a failure missing from the list, and on a listed
 * query that now passes (so the list only shrinks on purpose).
 */
final class KnownFailures {
  static final String RESOURCE = "slt/known-failures.tsv";

  /** One listed query: why it fails. */
  record Entry(String id, FailureCause cause, FailureKind kind, String reason) {}

  private final Map<String, Entry> byId;

  private KnownFailures(Map<String, Entry> byId) {
    this.byId = byId;
  }

  /** The list on the test classpath. */
  static KnownFailures load() {
    InputStream in = KnownFailures.class.getClassLoader().getResourceAsStream(RESOURCE);
    try (Reader r =
        new InputStreamReader(Objects.requireNonNull(in, RESOURCE), StandardCharsets.UTF_8)) {
      return parse(r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses the list; a malformed or duplicate line is an error naming its line number. */
  static KnownFailures parse(Reader reader) throws IOException {
    Map<String, Entry> byId = new LinkedHashMap<>();
    BufferedReader lines = new BufferedReader(reader);
    int n = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      n++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Entry e = entry(line, n);
      if (byId.put(e.id(), e) != null) {
        throw new IllegalArgumentException(RESOURCE + ":" + n + ": " + e.id() + " listed twice");
      }
    }
    return new KnownFailures(byId);
  }

  private static Entry entry(String line, int n) {
    String[] f = line.split("\t", -1);
    if (f.length != 4 || Arrays.stream(f).anyMatch(String::isBlank)) {
      throw new IllegalArgumentException(
          RESOURCE + ":" + n + ": want id<TAB>cause<TAB>kind<TAB>reason");
    }
    FailureCause cause =
        FailureCause.ofLabel(f[1])
            .orElseThrow(
                () -> new IllegalArgumentException(RESOURCE + ":" + n + ": no cause " + f[1]));
    FailureKind kind =
        FailureKind.ofLabel(f[2])
            .orElseThrow(
                () -> new IllegalArgumentException(RESOURCE + ":" + n + ": no kind " + f[2]));
    return new Entry(f[0], cause, kind, f[3]);
  }

  /** The entry for {@code id}, if listed. */
  Optional<Entry> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  boolean contains(String id) {
    return byId.containsKey(id);
  }

  /** Whether the query must not run (its cause would take the cluster down). */
  boolean skips(String id) {
    Entry e = byId.get(id);
    return e != null && e.cause().skip();
  }

  int size() {
    return byId.size();
  }

  /** Failed queries of {@code run} that the list does not name, with their error. */
  List<String> unexpected(FileRun run) {
    List<String> out = new ArrayList<>();
    for (QueryOutcome o : run.queries()) {
      if (!o.passed() && !contains(o.id())) {
        out.add(o.id() + " " + o.status() + ": " + o.detail() + "\n    " + o.sql());
      }
    }
    return out;
  }

  /** Listed queries that {@code run} ran and that passed: the list must drop them. */
  List<String> nowPassing(FileRun run) {
    List<String> out = new ArrayList<>();
    for (QueryOutcome o : run.queries()) {
      if (o.passed() && contains(o.id())) {
        out.add(o.id() + " (listed as " + byId.get(o.id()).cause().label() + ")");
      }
    }
    return out;
  }
}
