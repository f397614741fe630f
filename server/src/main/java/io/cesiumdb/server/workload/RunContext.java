package io.cesiumdb.server.workload;

import io.cesiumdb.server.workload.history.History;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What every worker of one run shares.
 *
 * @param workload the workload being run
 * @param history where ops are recorded
 * @param connections how connections are opened
 * @param retries the run's transaction attempt counters
 * @param stop set when the workers should finish their current op and exit
 */
record RunContext(
    Workload workload,
    History history,
    Connections connections,
    Retries retries,
    AtomicBoolean stop,
    boolean timestamps) {}
