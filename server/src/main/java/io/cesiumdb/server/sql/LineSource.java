package io.cesiumdb.server.sql;

import java.io.IOException;

/** Where the shell's input lines come from: a terminal with line editing, or plain text. */
public interface LineSource extends AutoCloseable {
  /** The next line, shown after {@code prompt}; null at end of input. */
  String readLine(String prompt) throws IOException;

  @Override
  default void close() throws IOException {}
}
