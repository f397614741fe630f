package io.cesiumdb.server.sql;

import java.io.IOException;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The interactive SQL shell: reads lines until a semicolon ends a statement (statements may span
 * lines; several may share one), runs each through {@link StatementRunner} and prints the rows or
 * the update count with the time. An error is printed with its SQLSTATE and the shell goes on.
 * {@code quit}, {@code exit} or {@code \q} (or end of input) leave; {@code help} lists these.
 */
public final class SqlShell {
  static final String PROMPT = "cesium> ";
  static final String CONTINUATION = "   ...> ";
  static final String HELP =
      """
      End each statement with ';' (it may span lines). Transactions: BEGIN; ... COMMIT; or ROLLBACK;
        help     this text
        quit     leave (also exit, \\q, or Ctrl-D)
      """;

  /** Commands a host adds to the shell (the demo's {@code status}, {@code skew}). */
  public interface Extension {
    /** Runs {@code line} if it is one of these commands; false when it is not. */
    boolean handle(String line);

    /** Help lines for these commands, each ending in a newline. */
    String help();
  }

  private static final Extension NONE =
      new Extension() {
        @Override
        public boolean handle(String line) {
          return false;
        }

        @Override
        public String help() {
          return "";
        }
      };

  private final StatementRunner runner;
  private final PrintWriter out;
  private final Extension extension;
  private final StringBuilder buffer = new StringBuilder();

  public SqlShell(StatementRunner runner, PrintWriter out) {
    this(runner, out, NONE);
  }

  public SqlShell(StatementRunner runner, PrintWriter out, Extension extension) {
    this.runner = runner;
    this.out = out;
    this.extension = extension;
  }

  /** Reads and runs statements until the user leaves or the input ends. */
  public void run(LineSource in) throws IOException {
    while (true) {
      String line = in.readLine(buffer.length() == 0 ? PROMPT : CONTINUATION);
      if (line == null || !accept(line)) {
        out.println();
        out.flush();
        return;
      }
    }
  }

  /** Takes one line of input; false means leave. */
  boolean accept(String line) {
    if (buffer.length() == 0) {
      String word = line.strip().toLowerCase(Locale.ROOT);
      if (word.equals("quit") || word.equals("exit") || word.equals("\\q")) {
        return false;
      }
      if (word.equals("help") || word.equals("\\?")) {
        out.print(HELP + extension.help());
        out.flush();
        return true;
      }
      if (!word.isEmpty() && extension.handle(line.strip())) {
        out.flush();
        return true;
      }
    }
    buffer.append(line).append('\n');
    StatementSplitter.Split split = StatementSplitter.split(buffer.toString());
    for (ScriptStatement s : split.statements()) {
      execute(s.sql());
    }
    buffer.setLength(0);
    if (split.hasRemainder()) {
      buffer.append(split.remainder());
    }
    return true;
  }

  private void execute(String sql) {
    try {
      runner.run(sql);
    } catch (SQLException e) {
      String state = e.getSQLState() == null ? "" : " " + e.getSQLState();
      out.println("ERROR" + state + ": " + e.getMessage());
      out.flush();
    }
  }
}
