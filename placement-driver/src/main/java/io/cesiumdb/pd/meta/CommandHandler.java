package io.cesiumdb.pd.meta;

/**
 * Applies one kind of {@code MetaCommand}. A handler first checks everything and throws a {@link
 * io.cesiumdb.common.error.CesiumException} to reject, then changes the stores; so a rejected
 * command never leaves a partial change. Handlers read no clock and no randomness: the same stores
 * and command always give the same result.
 *
 * @param <C> the command message
 */
interface CommandHandler<C> {

  /** Applies {@code command} and returns the success payload (see {@link MetaResult}). */
  Object apply(MetaStores stores, C command);
}
