package io.cesiumdb.tests.txn;

import com.google.protobuf.ByteString;
import java.util.List;

/** The named anomalies with every key in one tablet: single-tablet commits, no 2PC. */
class SingleTabletAnomaliesIT extends TxnAnomalies {
  @Override
  List<ByteString> splitPoints() {
    return List.of();
  }
}
