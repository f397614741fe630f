package io.cesiumdb.tests.sql.dbeaver;

import io.cesiumdb.jdbc.CesiumDriver;
import io.cesiumdb.tests.sql.dbeaver.replay.DbeaverReplay;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Runs {@link DbeaverReplay} in a child JVM (the same {@code java} executable) whose class path is
 * exactly the shaded driver jar and a directory holding only the replay package's compiled classes:
 * what a tool that loads the jar by itself, as DBeaver does, gets.
 */
final class ReplayJvm {
  /** Set it to test a particular driver jar instead of the one on this JVM's class path. */
  static final String JAR_PROPERTY = "cesium.jdbc.shadedJar";

  /** Relocated packages live here in the shaded jar; their absence means an unshaded build. */
  private static final String SHADED_ENTRY = "io/cesiumdb/jdbc/shaded/";

  /** The child's exit code and its merged stdout/stderr. */
  record Result(int exit, String output) {}

  private ReplayJvm() {}

  /** The shaded driver jar: the one the Maven dependency put on this JVM's class path. */
  static Path shadedDriverJar() throws IOException, URISyntaxException {
    String configured = System.getProperty(JAR_PROPERTY);
    Path jar =
        configured != null && !configured.isBlank()
            ? Path.of(configured)
            : Path.of(
                CesiumDriver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (!Files.isRegularFile(jar) || !jar.toString().endsWith(".jar")) {
      throw new IllegalStateException("the driver is not a jar (unshaded classes?): " + jar);
    }
    try (JarFile file = new JarFile(jar.toFile())) {
      if (file.getEntry(SHADED_ENTRY) == null) {
        throw new IllegalStateException("not the shaded driver jar: " + jar);
      }
    }
    return jar;
  }

  /** Copies the replay package's .class files (and nothing else) under {@code dir}. */
  static Path copyReplayClasses(Path dir) throws IOException, URISyntaxException {
    Path root =
        Path.of(DbeaverReplay.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String pkg = DbeaverReplay.class.getPackageName().replace('.', File.separatorChar);
    Path from = root.resolve(pkg);
    Path to = Files.createDirectories(dir.resolve(pkg));
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
        Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return dir;
  }

  /** The step named on an {@code OK step <name> (<n> ms)} line. */
  static String stepName(String okLine) {
    String rest = okLine.substring("OK step ".length());
    int space = rest.indexOf(' ');
    return space < 0 ? rest : rest.substring(0, space);
  }

  /** Runs the replay with {@code args}; kills it after {@code timeoutSeconds}. */
  static Result run(Path jar, Path classes, Path log, long timeoutSeconds, List<String> args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    cmd.addAll(List.of("-cp", jar + File.pathSeparator + classes));
    cmd.add(DbeaverReplay.class.getName());
    cmd.addAll(args);
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    boolean exited = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
    if (!exited) {
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    String output = Files.readString(log);
    return new Result(
        exited ? p.exitValue() : -1, exited ? output : output + "\n(killed: timeout)");
  }
}
