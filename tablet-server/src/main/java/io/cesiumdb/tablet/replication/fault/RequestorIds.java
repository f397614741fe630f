package io.cesiumdb.tablet.replication.fault;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ratis.proto.RaftProtos.RaftRpcRequestProto;
import org.apache.ratis.thirdparty.com.google.protobuf.Descriptors.Descriptor;
import org.apache.ratis.thirdparty.com.google.protobuf.Descriptors.FieldDescriptor;
import org.apache.ratis.thirdparty.com.google.protobuf.Message;

/**
 * Finds which node sent a Raft message. Every server-to-server request of Ratis' {@code
 * RaftServerProtocolService} (requestVote, startLeaderElection, appendEntries, installSnapshot,
 * readIndex) carries a {@code RaftRpcRequestProto serverRequest} whose {@code requestorId} is the
 * sender's peer id, which CesiumDB sets to the node id. Found through the (shaded) protobuf
 * descriptor, so new request types with that field are covered without code changes.
 */
final class RequestorIds {
  private static final String FIELD = "serverRequest";
  private static final Map<Descriptor, Optional<FieldDescriptor>> FIELDS =
      new ConcurrentHashMap<>();

  private RequestorIds() {}

  /** The sending node of a Ratis server request, or null for anything else (clients, admin). */
  static String of(Object message) {
    if (!(message instanceof Message m)) {
      return null;
    }
    Optional<FieldDescriptor> field =
        FIELDS.computeIfAbsent(
            m.getDescriptorForType(), d -> Optional.ofNullable(d.findFieldByName(FIELD)));
    if (field.isEmpty() || !(m.getField(field.get()) instanceof RaftRpcRequestProto request)) {
      return null;
    }
    return request.getRequestorId().isEmpty() ? null : request.getRequestorId().toStringUtf8();
  }
}
