package io.cesiumdb.txn.routing;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * What every {@link RoutedCall} of one router shares. A bundle, not a service: it keeps the
 * per-request class's constructor short.
 *
 * @param config deadlines, backoff, attempt limit
 * @param channels one channel per tablet address
 * @param leaders the leader cache
 * @param metrics counters
 * @param backoff delays between rounds
 * @param descriptors where fresher descriptors come from
 * @param timer runs backoff pauses and the attempt that follows each
 * @param closed true once the router is closing
 * @param rotation round-robin start offsets for replica rotation
 */
record RouterContext(
    RouterConfig config,
    ChannelPool channels,
    LeaderCache leaders,
    RouterMetrics metrics,
    Backoff backoff,
    DescriptorSource descriptors,
    BackoffTimer timer,
    BooleanSupplier closed,
    AtomicInteger rotation) {}
