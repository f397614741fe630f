package io.cesiumdb.server.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into statements at semicolons that are outside string literals ({@code '...'},
 * with {@code ''} inside), quoted identifiers ({@code "..."}), line comments ({@code --}) and block
 * comments. Statements that hold only comments or blanks are dropped. The text after the last
 * semicolon is the remainder: the shell keeps reading lines until it is terminated, a script runs
 * it as a last statement.
 *
 * <p>Rejected: splitting with the SQL parser. It would need a grammar that knows every statement
 * form (and its errors would hide the real one); the driver's server parses each statement anyway.
 */
public final class StatementSplitter {
  private StatementSplitter() {}

  /** The statements of {@code text} and its unterminated remainder. */
  public record Split(List<ScriptStatement> statements, String remainder, int remainderLine) {
    /** True when the remainder holds more than blanks and comments. */
    public boolean hasRemainder() {
      return !meaningful(remainder).isEmpty();
    }
  }

  /** Splits a whole script; an unterminated last statement counts as a statement. */
  public static List<ScriptStatement> script(String text) {
    Split split = split(text);
    List<ScriptStatement> all = new ArrayList<>(split.statements());
    if (split.hasRemainder()) {
      all.add(statement(split.remainder(), split.remainderLine()));
    }
    return all;
  }

  /** Splits {@code text} into terminated statements and the remainder after the last one. */
  public static Split split(String text) {
    List<ScriptStatement> out = new ArrayList<>();
    Scanner s = new Scanner(text);
    int start = 0;
    int startLine = 1;
    while (s.pos < text.length()) {
      if (s.atTerminator()) {
        String body = text.substring(start, s.pos);
        if (!meaningful(body).isEmpty()) {
          out.add(statement(body, startLine));
        }
        s.advance();
        start = s.pos;
        startLine = s.line;
      } else {
        s.skipToken();
      }
    }
    return new Split(List.copyOf(out), text.substring(start), startLine);
  }

  private static ScriptStatement statement(String body, int firstLine) {
    int line = firstLine;
    String lead = body.substring(0, body.length() - stripLeading(body).length());
    for (char c : lead.toCharArray()) {
      if (c == '\n') {
        line++;
      }
    }
    return new ScriptStatement(stripLeading(body).strip(), line);
  }

  /** The text without comments and surrounding blanks (quoted text kept). */
  static String meaningful(String text) {
    StringBuilder b = new StringBuilder();
    Scanner s = new Scanner(text);
    while (s.pos < text.length()) {
      int from = s.pos;
      boolean comment = s.atComment();
      s.skipToken();
      if (!comment) {
        b.append(text, from, s.pos);
      }
    }
    return b.toString().strip();
  }

  /** Drops leading blanks and comments. */
  private static String stripLeading(String text) {
    Scanner s = new Scanner(text);
    while (s.pos < text.length() && (Character.isWhitespace(text.charAt(s.pos)) || s.atComment())) {
      s.skipToken();
    }
    return text.substring(s.pos);
  }

  /** A cursor over SQL text that steps over whole literals and comments. */
  private static final class Scanner {
    private final String text;
    private int pos;
    private int line = 1;

    Scanner(String text) {
      this.text = text;
    }

    boolean atTerminator() {
      return text.charAt(pos) == ';';
    }

    boolean atComment() {
      return text.startsWith("--", pos) || text.startsWith("/*", pos);
    }

    void advance() {
      if (text.charAt(pos) == '\n') {
        line++;
      }
      pos++;
    }

    /** Steps over one character, or one whole literal, quoted identifier or comment. */
    void skipToken() {
      char c = text.charAt(pos);
      if (c == '\'' || c == '"') {
        skipQuoted(c);
      } else if (text.startsWith("--", pos)) {
        skipUntil("\n", false);
      } else if (text.startsWith("/*", pos)) {
        skipUntil("*/", true);
      } else {
        advance();
      }
    }

    private void skipQuoted(char quote) {
      advance();
      while (pos < text.length()) {
        if (text.charAt(pos) == quote) {
          advance();
          if (pos < text.length() && text.charAt(pos) == quote) {
            advance(); // a doubled quote stands for one
            continue;
          }
          return;
        }
        advance();
      }
    }

    private void skipUntil(String end, boolean inclusive) {
      while (pos < text.length() && !text.startsWith(end, pos)) {
        advance();
      }
      if (inclusive) {
        for (int i = 0; i < end.length() && pos < text.length(); i++) {
          advance();
        }
      }
    }
  }
}
