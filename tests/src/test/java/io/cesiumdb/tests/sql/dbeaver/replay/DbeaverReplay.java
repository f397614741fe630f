package io.cesiumdb.tests.sql.dbeaver.replay;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry point of the child JVM: runs every step of the DBeaver replay in order and prints one line
 * per step. Why a separate program: only a JVM whose class path holds the shaded driver jar alone
 * proves that a tool like DBeaver, which loads the jar into its own class loader, can use it.
 *
 * <p>A failing step does not stop the run (later steps report their own state), but the exit code
 * is 0 only when all steps passed.
 */
public final class DbeaverReplay {
  private DbeaverReplay() {}

  /** The steps, in the order they run; names are what the parent expects on {@code OK} lines. */
  static List<Step> steps(Target t) {
    List<Step> steps = new ArrayList<>();
    steps.addAll(ConnectSteps.all(t));
    steps.addAll(ProbeSteps.all(t));
    steps.addAll(NavigatorSteps.all(t));
    steps.addAll(DataTabSteps.all(t));
    steps.addAll(EditSteps.all(t));
    steps.addAll(ScriptSteps.all(t));
    return steps;
  }

  public static void main(String[] args) {
    Target target = Target.fromArgs(args);
    int failed = 0;
    for (Step step : steps(target)) {
      long start = System.nanoTime();
      try {
        step.body().run();
        System.out.println("OK step " + step.name() + " (" + millisSince(start) + " ms)");
      } catch (Throwable e) {
        failed++;
        System.out.println("FAIL step " + step.name() + ": " + e);
        System.out.println(stackTrace(e));
      }
      System.out.flush();
    }
    System.out.println(failed == 0 ? "REPLAY PASSED" : "REPLAY FAILED: " + failed + " step(s)");
    System.exit(failed == 0 ? 0 : 1);
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  private static String stackTrace(Throwable e) {
    StringWriter w = new StringWriter();
    e.printStackTrace(new PrintWriter(w));
    return w.toString();
  }
}
