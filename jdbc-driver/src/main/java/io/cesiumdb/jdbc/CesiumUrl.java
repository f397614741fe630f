package io.cesiumdb.jdbc;

import io.cesiumdb.jdbc.transport.HostAndPort;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed {@code jdbc:cesium://host1[:port][,host2[:port]…]/[schema][?key=value&…]} URL.
 *
 * <p>Nodes are tried in the order listed when a connection opens. A missing port is {@link
 * #DEFAULT_PORT}, the node RPC port's default ({@code cesium start --rpc-port}), on which nodes
 * serve SQL. IPv6 literals go in brackets ({@code [::1]:7101}). Query parameters are connection
 * properties ({@link CesiumProperty}); properties passed to {@code connect} win over them. The
 * schema and parameter values are percent-decoded.
 */
public final class CesiumUrl {
  /** What every URL of this driver starts with. */
  public static final String PREFIX = "jdbc:cesium://";

  /** Port used when a node is listed without one. */
  public static final int DEFAULT_PORT = 7101;

  private final List<HostAndPort> nodes;
  private final String schema;
  private final Map<String, String> parameters;

  private CesiumUrl(List<HostAndPort> nodes, String schema, Map<String, String> parameters) {
    this.nodes = List.copyOf(nodes);
    this.schema = schema;
    this.parameters = Collections.unmodifiableMap(parameters);
  }

  /** True when {@code url} is meant for this driver (it may still be malformed). */
  public static boolean accepts(String url) {
    return url != null && url.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
  }

  /**
   * Parses {@code url}.
   *
   * @throws IllegalArgumentException with a message naming the problem
   */
  public static CesiumUrl parse(String url) {
    if (!accepts(url)) {
      throw new IllegalArgumentException("not a CesiumDB URL (expected " + PREFIX + "…): " + url);
    }
    String rest = url.substring(PREFIX.length());
    int query = rest.indexOf('?');
    Map<String, String> parameters =
        query < 0 ? new LinkedHashMap<>() : parseParameters(rest.substring(query + 1));
    String path = query < 0 ? rest : rest.substring(0, query);
    int slash = path.indexOf('/');
    String authority = slash < 0 ? path : path.substring(0, slash);
    String schema = slash < 0 ? "" : decode(path.substring(slash + 1));
    if (schema.contains("/")) {
      throw new IllegalArgumentException("schema must be a single name: " + schema);
    }
    return new CesiumUrl(parseNodes(authority), schema.isEmpty() ? null : schema, parameters);
  }

  /** The nodes, in the order to try them. Never empty. */
  public List<HostAndPort> nodes() {
    return nodes;
  }

  /** The default schema named in the URL path, if any. */
  public Optional<String> schema() {
    return Optional.ofNullable(schema);
  }

  /** The query parameters, in URL order. */
  public Map<String, String> parameters() {
    return parameters;
  }

  private static List<HostAndPort> parseNodes(String authority) {
    if (authority.isEmpty()) {
      throw new IllegalArgumentException("no node listed after " + PREFIX);
    }
    List<HostAndPort> nodes = new ArrayList<>();
    for (String item : authority.split(",", -1)) {
      nodes.add(parseNode(item.trim()));
    }
    return nodes;
  }

  private static HostAndPort parseNode(String item) {
    if (item.isEmpty()) {
      throw new IllegalArgumentException("empty node in the node list");
    }
    String host;
    String afterHost;
    if (item.startsWith("[")) {
      int close = item.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("unterminated IPv6 literal: " + item);
      }
      host = item.substring(1, close);
      afterHost = item.substring(close + 1);
    } else {
      int colon = item.indexOf(':');
      host = colon < 0 ? item : item.substring(0, colon);
      afterHost = colon < 0 ? "" : item.substring(colon);
    }
    if (host.isEmpty()) {
      throw new IllegalArgumentException("empty host in '" + item + "'");
    }
    return new HostAndPort(host, parsePort(item, afterHost));
  }

  private static int parsePort(String item, String afterHost) {
    if (afterHost.isEmpty()) {
      return DEFAULT_PORT;
    }
    if (!afterHost.startsWith(":") || afterHost.length() == 1) {
      throw new IllegalArgumentException("bad port in '" + item + "'");
    }
    try {
      int port = Integer.parseInt(afterHost.substring(1));
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException("port out of range in '" + item + "'");
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad port in '" + item + "'", e);
    }
  }

  private static Map<String, String> parseParameters(String query) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("parameter without a name or value: '" + pair + "'");
      }
      parameters.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
    }
    return parameters;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "CesiumUrl" + nodes + (schema == null ? "" : "/" + schema) + parameters;
  }
}
