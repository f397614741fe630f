package io.cesiumdb.server.workload.history;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes a history as JSON lines, one op per line: {@code {"process":3,"type":"ok","f":"read",
 * "value":{...},"time":123456,"latency":789,"error":null}}, plus {@code "db_ts"} (the commit or
 * snapshot timestamp, TrueTime microseconds) when it was recorded. {@code process} is a number, or
 * {@code "nemesis"} / {@code "final"}; {@code time} and {@code latency} are nanoseconds.
 */
public final class HistoryWriter {
  private HistoryWriter() {}

  /** Writes {@code ops} to {@code file}, replacing it; creates missing parent directories. */
  public static void write(List<Op> ops, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      StringBuilder line = new StringBuilder(256);
      for (Op op : ops) {
        line.setLength(0);
        line(op, line);
        out.append(line).append('\n');
      }
    }
  }

  /** One op as a JSON object. */
  public static String line(Op op) {
    StringBuilder sb = new StringBuilder();
    line(op, sb);
    return sb.toString();
  }

  private static void line(Op op, StringBuilder sb) {
    sb.append("{\"process\":");
    switch (op.process()) {
      case Op.NEMESIS -> sb.append("\"nemesis\"");
      case Op.FINAL -> sb.append("\"final\"");
      default -> sb.append(op.process());
    }
    sb.append(",\"type\":\"").append(op.type().label()).append("\",\"f\":");
    string(op.f(), sb);
    sb.append(",\"value\":");
    value(op.value(), sb);
    sb.append(",\"time\":").append(op.timeNanos());
    sb.append(",\"latency\":").append(op.latencyNanos());
    sb.append(",\"error\":");
    value(op.error(), sb);
    if (op.dbTs() != 0) {
      sb.append(",\"db_ts\":").append(op.dbTs());
    }
    sb.append('}');
  }

  private static void value(Object v, StringBuilder sb) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof Number || v instanceof Boolean) {
      sb.append(v);
    } else if (v instanceof long[] array) {
      sb.append('[');
      for (int i = 0; i < array.length; i++) {
        sb.append(i == 0 ? "" : ",").append(array[i]);
      }
      sb.append(']');
    } else if (v instanceof Map<?, ?> map) {
      object(map, sb);
    } else if (v instanceof Collection<?> list) {
      array(list.iterator(), sb);
    } else {
      string(v.toString(), sb);
    }
  }

  private static void object(Map<?, ?> map, StringBuilder sb) {
    sb.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      sb.append(first ? "" : ",");
      first = false;
      string(String.valueOf(e.getKey()), sb);
      sb.append(':');
      value(e.getValue(), sb);
    }
    sb.append('}');
  }

  private static void array(Iterator<?> it, StringBuilder sb) {
    sb.append('[');
    boolean first = true;
    while (it.hasNext()) {
      sb.append(first ? "" : ",");
      first = false;
      value(it.next(), sb);
    }
    sb.append(']');
  }

  private static void string(String s, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
