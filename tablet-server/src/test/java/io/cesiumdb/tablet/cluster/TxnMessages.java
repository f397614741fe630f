package io.cesiumdb.tablet.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.cesiumdb.proto.tablet.CommitTxnRequest;
import io.cesiumdb.proto.tablet.Mutation;
import io.cesiumdb.proto.tablet.ReadConsistency;
import io.cesiumdb.proto.tablet.ReadRequest;
import io.cesiumdb.proto.tablet.ReadResponse;
import io.cesiumdb.proto.tablet.TxnContext;
import java.util.List;

/** The transaction messages the raw-gRPC transaction tests build again and again. */
public final class TxnMessages {
  private TxnMessages() {}

  /** A transaction context: a smaller {@code priorityTs} is older and wins wound-wait. */
  public static TxnContext txn(String id, long priorityTs) {
    return TxnContext.newBuilder().setTxnId(id).setPriorityTs(priorityTs).build();
  }

  /** A read of {@code key} inside {@code txn} (LEADER consistency, SHARED lock). */
  public static ReadRequest txnRead(long tabletId, TxnContext txn, String key) {
    return ReadRequest.newBuilder()
        .setTabletId(tabletId)
        .setKey(ByteString.copyFromUtf8(key))
        .setConsistency(ReadConsistency.LEADER)
        .setTxn(txn)
        .build();
  }

  /** A single-tablet commit of {@code txn} with {@code mutations} (none: a read-only commit). */
  public static CommitTxnRequest commit(long tabletId, TxnContext txn, Mutation... mutations) {
    return CommitTxnRequest.newBuilder()
        .setTabletId(tabletId)
        .setTxn(txn)
        .addAllMutations(List.of(mutations))
        .build();
  }

  /** The value a successful read found, failing the test on an error or a missing key. */
  public static String value(ReadResponse r) {
    assertEquals("", r.getError().getCode(), r.getError().toString());
    assertTrue(r.getFound(), "found: " + r);
    return r.getValue().toStringUtf8();
  }
}
