package io.cesiumdb.server.workload;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * Opens the run's JDBC connections: process {@code i} lists the URL's hosts starting at host {@code
 * i mod n}, so workers land on different nodes (and fail over to the others when theirs is down).
 * Every call on a connection is bounded by the driver's {@code callTimeoutMs} (SQLSTATE 57014), so
 * a fault cannot hang a worker.
 */
public final class Connections {
  private static final String PREFIX = "jdbc:cesium://";

  private final List<String> hosts;
  private final String tail;
  private final Properties properties = new Properties();

  /** Connections to {@code spec.url()} as {@code spec.user()}. */
  public Connections(WorkloadSpec spec) {
    this.hosts = hosts(spec.url());
    String rest = spec.url().substring(PREFIX.length());
    int slash = rest.indexOf('/');
    this.tail = slash < 0 ? "/" : rest.substring(slash);
    properties.setProperty("user", spec.user());
    if (spec.password() != null) {
      properties.setProperty("password", spec.password());
    }
    properties.setProperty("callTimeoutMs", Long.toString(spec.opTimeout().toMillis()));
    properties.setProperty("connectTimeoutMs", Long.toString(spec.opTimeout().toMillis()));
  }

  /**
   * The {@code host:port} list of a {@code jdbc:cesium://} URL.
   *
   * @throws IllegalArgumentException when it is not such a URL
   */
  public static List<String> hosts(String url) {
    if (!url.startsWith(PREFIX)) {
      throw new IllegalArgumentException("not a jdbc:cesium:// URL: " + url);
    }
    String rest = url.substring(PREFIX.length());
    int end = rest.indexOf('/');
    String list = end < 0 ? rest : rest.substring(0, end);
    List<String> out = new ArrayList<>();
    Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(out::add);
    if (out.isEmpty()) {
      throw new IllegalArgumentException("no host in " + url);
    }
    return List.copyOf(out);
  }

  /** The URL process {@code process} connects with: hosts rotated to start at its own. */
  public String urlFor(int process) {
    int n = hosts.size();
    int first = Math.floorMod(process, n);
    StringBuilder sb = new StringBuilder(PREFIX);
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : ",").append(hosts.get((first + i) % n));
    }
    return sb.append(tail).toString();
  }

  /** Opens a connection for {@code process}. */
  public Connection open(int process) throws SQLException {
    return DriverManager.getConnection(urlFor(process), properties);
  }

  /** The URL's hosts. */
  public List<String> hosts() {
    return hosts;
  }
}
