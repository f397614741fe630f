package io.cesiumdb.server.workload;

import io.cesiumdb.server.workload.bank.BankWorkload;
import io.cesiumdb.server.workload.monotonic.MonotonicWorkload;
import io.cesiumdb.server.workload.realtime.RealtimeWorkload;
import java.util.List;

/** The workloads by name. */
public final class Workloads {
  /** Every workload's name. */
  public static final List<String> NAMES = List.of("bank", "realtime", "monotonic");

  private Workloads() {}

  /**
   * The workload {@code spec} names, sized by it.
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static Workload create(WorkloadSpec spec) {
    return switch (spec.workload()) {
      case "bank" -> new BankWorkload(spec.accounts(), spec.bankTotal());
      case "realtime" -> new RealtimeWorkload(spec.tables());
      case "monotonic" -> new MonotonicWorkload(spec.keys());
      default ->
          throw new IllegalArgumentException(
              "unknown workload '" + spec.workload() + "'; known: " + String.join(", ", NAMES));
    };
  }
}
