package io.cesiumdb.tablet.storage;

/** Runs the conformance suite against {@link InMemoryMvccStore}. */
class InMemoryMvccStoreTest extends AbstractMvccStoreTest {
  @Override
  protected MvccStore newStore() {
    return new InMemoryMvccStore();
  }
}
