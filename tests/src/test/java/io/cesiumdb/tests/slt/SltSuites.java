package io.cesiumdb.tests.slt;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.hydromatic.sqllogictest.Main;

/**
 * Names for parts of the corpus in the sql-logic-test jar: {@code select1} … {@code select5} are
 * single files, {@code index} and {@code evidence} (and any other directory, e.g. {@code
 * random/expr}) every file beneath {@code test/<name>/}. A name ending in {@code .test} is taken as
 * a path under {@code test/}.
 */
final class SltSuites {
  /** The suites {@code bin/slt} runs when given none. */
  static final List<String> DEFAULT =
      List.of("select1", "select2", "select3", "select4", "select5", "index", "evidence");

  private SltSuites() {}

  /** The corpus resources of {@code suite}, sorted; empty when the name matches nothing. */
  static List<String> files(String suite) {
    String file = suite.endsWith(".test") ? "test/" + suite : "test/" + suite + ".test";
    Set<String> all = Main.getTestList();
    if (all.contains(file)) {
      return List.of(file);
    }
    String dir = "test/" + suite + "/";
    Set<String> under = new TreeSet<>(SltSuites::compareNatural);
    for (String f : all) {
      if (f.startsWith(dir)) {
        under.add(f);
      }
    }
    return new ArrayList<>(under);
  }

  /** Orders paths with numbers by value, so {@code 10/} sorts after {@code 9/}. */
  private static int compareNatural(String a, String b) {
    String[] x = a.split("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)");
    String[] y = b.split("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)");
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      int c =
          Character.isDigit(x[i].charAt(0)) && Character.isDigit(y[i].charAt(0))
              ? Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]))
              : x[i].compareTo(y[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  }
}
