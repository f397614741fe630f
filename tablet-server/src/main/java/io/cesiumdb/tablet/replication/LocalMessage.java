package io.cesiumdb.tablet.replication;

import org.apache.ratis.protocol.Message;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;

/**
 * A Ratis {@link Message} that carries a Java object between a request handler and the state
 * machine in the same process, without serialization. Used for read-only requests only: they never
 * enter the log or leave the node, so their content is empty.
 */
class LocalMessage implements Message {
  private final Object value;

  LocalMessage(Object value) {
    this.value = value;
  }

  Object value() {
    return value;
  }

  @Override
  public ByteString getContent() {
    return ByteString.EMPTY;
  }

  @Override
  public String toString() {
    return "LocalMessage[" + value.getClass().getSimpleName() + "]";
  }
}
