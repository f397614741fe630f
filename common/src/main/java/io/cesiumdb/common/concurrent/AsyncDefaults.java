package io.cesiumdb.common.concurrent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;

/**
 * Makes {@link CompletableFuture}'s default async executor a pool on small machines.
 *
 * <p>The JDK sizes the common {@link ForkJoinPool} at {@code cores - 1}; on JDK 17, below a
 * parallelism of 2, every {@code *Async} stage without an executor runs on a <b>new thread</b>
 * ({@code CompletableFuture.ThreadPerTaskExecutor}; JDK 25 uses the pool anyway). Ratis uses such
 * stages on its write path (log append completion, reply ordering), so on our 2-core machines each
 * replicated write created and destroyed threads on all three replicas: a CPU profile of the bank
 * workload showed thread creation, thread exit and stack mapping on every Raft append. A
 * parallelism of {@value #SMALL_MACHINE_PARALLELISM} keeps those stages on reused threads; more
 * than the cores, so that a stage that blocks briefly does not stall the others.
 *
 * <p>The property is read once, when {@code ForkJoinPool} is first used: {@link #ensurePooledAsync}
 * must run first thing in {@code main}. Test JVMs get the same property from the build's {@code
 * argLine}. Rejected: our own executors for Ratis' stages (Ratis does not take one), and {@code
 * -Djava...} in the launcher only (a {@code java -jar} user would not get it).
 */
public final class AsyncDefaults {
  static final String PROPERTY = "java.util.concurrent.ForkJoinPool.common.parallelism";
  static final int SMALL_MACHINE_PARALLELISM = 4;

  private AsyncDefaults() {}

  /**
   * Sets the common pool's parallelism to {@value #SMALL_MACHINE_PARALLELISM} where the JDK's
   * default would make async stages thread-per-task, unless the property is set already.
   *
   * @return whether async stages without an executor now run on a pool (false: the common pool was
   *     initialised before this call with a parallelism below 2)
   */
  public static boolean ensurePooledAsync() {
    if (System.getProperty(PROPERTY) == null
        && Runtime.getRuntime().availableProcessors() - 1 < 2) {
      System.setProperty(PROPERTY, Integer.toString(SMALL_MACHINE_PARALLELISM));
    }
    return ForkJoinPool.getCommonPoolParallelism() > 1;
  }
}
