package io.cesiumdb.tests.cluster;

import com.google.protobuf.ByteString;
import io.cesiumdb.proto.tablet.CreateReplicaRequest;
import io.cesiumdb.proto.tablet.CreateReplicaResponse;
import io.cesiumdb.proto.tablet.Mutation;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.proto.tablet.TabletServiceGrpc;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Creating tablets in a test cluster the way the placement driver will (issue 4): build a
 * descriptor and ask each replica's node to create its replica over the tablet RPC.
 */
public final class Tablets {
  private Tablets() {}

  /** A descriptor of a tablet covering its whole keyspace, replicated on {@code replicas}. */
  public static TabletDescriptor descriptor(
      long tabletId, long keyspace, List<NodeAddress> replicas) {
    TabletDescriptor.Builder d =
        TabletDescriptor.newBuilder().setTabletId(tabletId).setKeyspace(keyspace).setEpoch(1);
    replicas.forEach(r -> d.addReplicas(r.replica()));
    return d.build();
  }

  /** Creates the tablet's replica on every node it names; fails on the first refusal. */
  public static TabletDescriptor create(TabletDescriptor tablet) {
    for (var replica : tablet.getReplicasList()) {
      ManagedChannel ch =
          Grpc.newChannelBuilder(replica.getTabletAddress(), InsecureChannelCredentials.create())
              .build();
      try {
        CreateReplicaResponse r =
            TabletServiceGrpc.newBlockingStub(ch)
                .withDeadlineAfter(30, TimeUnit.SECONDS)
                .createReplica(CreateReplicaRequest.newBuilder().setTablet(tablet).build());
        if (r.hasError()) {
          throw new AssertionError(
              "create replica on " + replica.getNodeId() + " failed: " + r.getError());
        }
      } finally {
        ch.shutdownNow();
      }
    }
    return tablet;
  }

  /** A put of a UTF-8 key and value. */
  public static Mutation put(String key, String value) {
    return Mutation.newBuilder().setKey(utf8(key)).setPut(utf8(value)).build();
  }

  public static ByteString utf8(String s) {
    return ByteString.copyFrom(s, StandardCharsets.UTF_8);
  }
}
