package io.cesiumdb.txn.routing;

import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.Executor;

/**
 * Builds a {@link KeyRouter}: a {@link TabletRouter} (built here from the same settings, or given)
 * plus a directory. The directory is the placement driver at {@link #placementAddresses} (the
 * production default) unless a test passes its own {@link #directory}; with placement addresses the
 * router also offers {@link KeyRouter#placement()}. Not thread-safe; build once.
 */
public final class KeyRouterBuilder {
  private final TabletRouterBuilder tablets = TabletRouter.builder();
  private String callerNodeId;
  private ChannelFactory channelFactory = ChannelFactory.plaintext();
  private List<String> placementAddresses;
  private TabletDirectory directory;
  private TabletRouter router;

  KeyRouterBuilder() {}

  /**
   * host:port of the PlacementService of PD members, or of any nodes (every node answers {@code
   * GetLeader}); the router finds the leader itself.
   */
  public KeyRouterBuilder placementAddresses(List<String> addresses) {
    Objects.requireNonNull(addresses, "addresses");
    if (addresses.isEmpty()) {
      throw new IllegalArgumentException("no placement driver address");
    }
    this.placementAddresses = List.copyOf(addresses);
    return this;
  }

  /** A directory other than the placement driver (tests). Closed with the router. */
  public KeyRouterBuilder directory(TabletDirectory directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
    return this;
  }

  /**
   * Route through this existing router instead of building one; it is not closed with the key
   * router, and the settings below do not apply to it (its own config, channels and timer do).
   */
  public KeyRouterBuilder tabletRouter(TabletRouter router) {
    this.router = Objects.requireNonNull(router, "router");
    return this;
  }

  /**
   * Deadlines (per key request), backoff, attempt limit. Default {@link RouterConfig#defaults()}.
   */
  public KeyRouterBuilder config(RouterConfig config) {
    tablets.config(Objects.requireNonNull(config, "config"));
    return this;
  }

  /** How channels to tablets and to the placement driver are made. Default plaintext Netty. */
  public KeyRouterBuilder channelFactory(ChannelFactory factory) {
    this.channelFactory = Objects.requireNonNull(factory, "factory");
    tablets.channelFactory(factory);
    return this;
  }

  /** See {@link TabletRouterBuilder#callerNodeId}. */
  public KeyRouterBuilder callerNodeId(String nodeId) {
    this.callerNodeId = nodeId;
    tablets.callerNodeId(nodeId);
    return this;
  }

  /** See {@link TabletRouterBuilder#random}. */
  public KeyRouterBuilder random(Random random) {
    tablets.random(random);
    return this;
  }

  /** See {@link TabletRouterBuilder#executor}. */
  public KeyRouterBuilder executor(Executor executor) {
    tablets.executor(executor);
    return this;
  }

  /**
   * @throws IllegalStateException if neither placement addresses nor a directory were given
   */
  public KeyRouter build() {
    if (directory == null && placementAddresses == null) {
      throw new IllegalStateException("KeyRouter needs placementAddresses(..) or directory(..)");
    }
    boolean owns = router == null;
    TabletRouter r = owns ? tablets.build() : router;
    PlacementClient pd = placementAddresses == null ? null : placementClient(r);
    TabletDirectory dir = directory != null ? directory : new PlacementDirectory(pd);
    return new KeyRouter(r, new TabletLocator(new TabletDirectoryCache(), dir), owns, pd);
  }

  private PlacementClient placementClient(TabletRouter r) {
    RouterContext ctx = r.context();
    ChannelPool pdChannels =
        new ChannelPool(channelFactory, callerNodeId, ctx.channels().executor());
    return new PlacementClient(placementAddresses, pdChannels, ctx);
  }
}
