package io.cesiumdb.tests.txn;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.google.protobuf.ByteString;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The named anomalies with the two keys of every scenario in different tablets, so each commit that
 * writes both is a two-phase commit and each scan of the phantom range spans two tablets.
 */
class CrossTabletAnomaliesIT extends TxnAnomalies {
  private static final List<String> PAIRS =
      List.of("dw-x|dw-y", "lu|lu-z", "ph-a|ph-c", "rs-x|rs-y", "ws-x|ws-y");

  @Override
  List<ByteString> splitPoints() {
    return List.of(key("dw-y"), key("lu-z"), key("ph-b"), key("rs-y"), key("ws-y"));
  }

  @Test
  void theKeysOfEachScenarioLieInDifferentTablets() throws Exception {
    for (String pair : PAIRS) {
      String[] k = pair.split("\\|");
      assertNotEquals(tabletOf(k[0]), tabletOf(k[1]), pair);
    }
  }

  private long tabletOf(String k) throws Exception {
    return router.tabletFor(ks, key(k)).get(30, TimeUnit.SECONDS).getTabletId();
  }
}
