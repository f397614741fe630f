package io.cesiumdb.tests.slt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The child process {@link ClusterProcess} starts: a {@link SltCluster} under {@code args[0]}, one
 * line {@code READY <url> <user> <password>} (tab-separated) on stdout, then serving until stdin
 * closes. Engine logs go to stderr.
 */
public final class SltClusterMain {
  static final String READY = "READY";

  private SltClusterMain() {}

  public static void main(String[] args) throws Exception {
    try (SltCluster cluster = SltCluster.start(Path.of(args[0]))) {
      SltTarget t = cluster.target();
      System.out.println(String.join("\t", READY, t.url(), t.user(), t.password()));
      System.out.flush();
      drain(System.in);
    }
    System.exit(0);
  }

  private static void drain(InputStream in) throws IOException {
    byte[] buf = new byte[256];
    while (in.read(buf) >= 0) {
      // nothing is sent; EOF means the parent is done
    }
  }
}
