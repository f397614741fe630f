package io.cesiumdb.sql.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import org.junit.jupiter.api.Test;

/** The contract on {@link InMemoryKvStore}, plus its own first-committer-wins rule. */
class InMemoryKvStoreContractTest extends AbstractKvStoreContractTest {
  @Override
  protected KvStore newStore() {
    return new InMemoryKvStore();
  }

  @Test
  void secondCommitterOfTheSameKeyConflicts() {
    KvTxn a = store.begin();
    KvTxn b = store.begin();
    a.put(keyspace(), key(1), value("a"));
    b.put(keyspace(), key(1), value("b"));
    a.commit();
    CesiumException e = assertThrows(CesiumException.class, b::commit);
    assertEquals(ErrorCode.TXN_CONFLICT, e.code());
    assertEquals(1, ((InMemoryKvStore) store).size(keyspace()));
  }
}
