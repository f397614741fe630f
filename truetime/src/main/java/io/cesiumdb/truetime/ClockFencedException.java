package io.cesiumdb.truetime;

/**
 * Thrown by {@link ClockOffsetMonitor#checkNotFenced()} when this node's clock is not confirmed
 * within the maximum offset by a majority of the cluster. The message is the verdict's explanation.
 *
 * <p>NB: this module sits below the project's error-code registry (it depends on the JDK alone), so
 * this exception carries no error code; upper layers translate it to their registry code at their
 * boundary.
 */
public class ClockFencedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final FencingVerdict verdict;

  /** Creates the exception for a fenced verdict. */
  public ClockFencedException(FencingVerdict verdict) {
    super(verdict.explanation());
    this.verdict = verdict;
  }

  /** Returns the verdict that fenced the node. */
  public FencingVerdict verdict() {
    return verdict;
  }
}
