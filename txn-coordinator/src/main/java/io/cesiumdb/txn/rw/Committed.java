package io.cesiumdb.txn.rw;

/**
 * What {@link Transactions#retry} returns: the body's value and the commit of the attempt that won.
 *
 * @param value what the transaction body returned
 * @param commitTs the commit timestamp ({@link Transaction#commit()})
 * @param txnId the id of the attempt that committed
 * @param attempts how many attempts it took (1 = no retry)
 */
public record Committed<T>(T value, long commitTs, String txnId, int attempts) {}
