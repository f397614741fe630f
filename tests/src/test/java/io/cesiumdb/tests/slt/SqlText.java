package io.cesiumdb.tests.slt;

import java.util.ArrayList;
import java.util.List;

/**
 * The little SQL lexing the harness needs: split at top-level commas and find a closing
 * parenthesis, skipping quoted strings and identifiers. Enough for sqllogictest's DDL and INSERT
 * statements, which are plain; anything it cannot read is left to the engine untouched.
 */
final class SqlText {
  private SqlText() {}

  /** Splits {@code text} at commas outside parentheses and quotes; parts are trimmed. */
  static List<String> splitTopLevel(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'' || c == '"') {
        i = endOfQuoted(text, i);
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(text.substring(start, i).trim());
        start = i + 1;
      }
    }
    parts.add(text.substring(start).trim());
    return parts;
  }

  /** The index of the parenthesis closing the one at {@code open}, or -1 when it is not closed. */
  static int closingParen(String text, int open) {
    int depth = 0;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'' || c == '"') {
        i = endOfQuoted(text, i);
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** The index of the quote closing the one at {@code open} (a doubled quote is an escape). */
  private static int endOfQuoted(String text, int open) {
    char q = text.charAt(open);
    int i = open + 1;
    while (i < text.length()) {
      if (text.charAt(i) == q) {
        if (i + 1 < text.length() && text.charAt(i + 1) == q) {
          i += 2;
          continue;
        }
        return i;
      }
      i++;
    }
    return text.length() - 1;
  }
}
