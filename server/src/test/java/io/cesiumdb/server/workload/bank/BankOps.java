package io.cesiumdb.server.workload.bank;

import java.util.Map;
import java.util.TreeMap;

/** The values bank checker tests write into histories: balances and transfer arguments. */
final class BankOps {
  private BankOps() {}

  /** Balances of accounts 0, 1, ... as a read returns them. */
  static Map<Long, Long> bal(long... b) {
    Map<Long, Long> m = new TreeMap<>();
    for (int i = 0; i < b.length; i++) {
      m.put((long) i, b[i]);
    }
    return m;
  }

  /** A transfer's arguments as the workload records them. */
  static Map<String, Object> transfer(long from, long to, long amount) {
    return Map.of("from", from, "to", to, "amount", amount);
  }
}
