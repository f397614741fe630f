package io.cesiumdb.server.sql;

import java.io.IOException;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Line editing and history (kept in {@code historyFile} across sessions) through JLine. Ctrl-C
 * drops the line being typed; Ctrl-D ends the input. Without a real terminal JLine falls back to a
 * dumb one, so piped input works too.
 *
 * <p>Rejected: a plain BufferedReader, which has no history or editing; the issue asks for history.
 */
public final class TerminalLines implements LineSource {
  private final Terminal terminal;
  private final LineReader reader;

  private TerminalLines(Terminal terminal, LineReader reader) {
    this.terminal = terminal;
    this.reader = reader;
  }

  /** A reader on the process's terminal, with history in {@code historyFile}. */
  public static TerminalLines open(Path historyFile) throws IOException {
    Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build();
    LineReader reader =
        LineReaderBuilder.builder()
            .terminal(terminal)
            .appName("cesium")
            .variable(LineReader.HISTORY_FILE, historyFile)
            .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
            .build();
    return new TerminalLines(terminal, reader);
  }

  @Override
  public String readLine(String prompt) {
    while (true) {
      try {
        return reader.readLine(prompt);
      } catch (UserInterruptException e) {
        // Ctrl-C: forget the line, prompt again.
      } catch (EndOfFileException e) {
        return null;
      }
    }
  }

  @Override
  public void close() throws IOException {
    reader.getHistory().save();
    terminal.close();
  }
}
