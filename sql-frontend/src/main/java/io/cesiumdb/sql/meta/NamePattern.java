package io.cesiumdb.sql.meta;

import java.util.Collection;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A JDBC metadata name pattern ({@code %} any run, {@code _} any one character, {@code \} escapes;
 * null matches everything). NB: DBeaver passes names unescaped (its Generic dialect has no search
 * escape), so a table {@code T_1} would also match {@code TX1}. Hence: when a candidate equals the
 * pattern exactly, only that candidate matches; the LIKE reading applies otherwise.
 */
final class NamePattern {
  private NamePattern() {}

  /** The test for one level of names (schemas of the catalog, tables of a schema …). */
  static Predicate<String> matcher(String pattern, Collection<String> candidates) {
    if (pattern == null || pattern.equals("%")) {
      return name -> true;
    }
    if (candidates.contains(pattern)) {
      return pattern::equals;
    }
    Pattern regex = Pattern.compile(toRegex(pattern), Pattern.DOTALL);
    return name -> regex.matcher(name).matches();
  }

  static String toRegex(String pattern) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        out.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (c == '%') {
        out.append(".*");
      } else if (c == '_') {
        out.append('.');
      } else {
        out.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return out.toString();
  }
}
