package io.cesiumdb.server.workload.nemesis;

/**
 * One kind of fault. The workload runner alternates healthy and faulty windows: it calls {@link
 * #inject} at the start of a faulty window and {@link #heal} at its end, from one scheduler thread,
 * and writes the returned descriptions into the history so a reader of the history can line up
 * anomalies with faults.
 */
public interface Nemesis {
  /** The name used on the command line ({@code skew}, {@code kill}, ...). */
  String name();

  /** Injects the fault; returns what was done, e.g. {@code "n1,n2 clock +3500us"}. */
  String inject() throws Exception;

  /** Undoes whatever {@link #inject} did; idempotent, safe when nothing is injected. */
  String heal() throws Exception;
}
