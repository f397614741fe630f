package io.cesiumdb.tablet.txn;

import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.proto.tablet.TxnStatusResponse;
import java.util.concurrent.CompletableFuture;

/**
 * How a participant's recovery asks a coordinator tablet about a transaction ({@code TxnStatus}),
 * from the coordinator's descriptor recorded in the prepare. Behind an interface so recovery can be
 * tested without a network; {@link GrpcCoordinatorClient} is the real one.
 */
public interface CoordinatorClient extends AutoCloseable {
  /**
   * The coordinator's recorded outcome; with {@code abortIfUnknown} it records ABORTED first when
   * it has none. Fails if no replica of the coordinator answered as leader.
   */
  CompletableFuture<TxnStatusResponse> status(
      TabletDescriptor coordinator, String txnId, boolean abortIfUnknown);

  @Override
  void close();
}
