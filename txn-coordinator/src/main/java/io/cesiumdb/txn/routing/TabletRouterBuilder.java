package io.cesiumdb.txn.routing;

import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds a {@link TabletRouter}. Every setting has a default; a node sets {@link #callerNodeId}, a
 * test sets {@link #channelFactory} (in-process), {@link #config} (short deadlines) and {@link
 * #random} (a seed). Not thread-safe; build once.
 */
public final class TabletRouterBuilder {
  private RouterConfig config = RouterConfig.defaults();
  private ChannelFactory channelFactory = ChannelFactory.plaintext();
  private String callerNodeId;
  private DescriptorSource descriptors;
  private List<String> placementAddresses;
  private Random random = new Random();
  private Executor executor;

  TabletRouterBuilder() {}

  /** Deadlines, backoff and attempt limit. Default {@link RouterConfig#defaults()}. */
  public TabletRouterBuilder config(RouterConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    return this;
  }

  /** How channels are made. Default {@link ChannelFactory#plaintext()}. */
  public TabletRouterBuilder channelFactory(ChannelFactory factory) {
    this.channelFactory = Objects.requireNonNull(factory, "factory");
    return this;
  }

  /**
   * The id of the node this router runs in; every call then carries the {@code cesium-caller-node}
   * header. Default null: an external client, no header.
   */
  public TabletRouterBuilder callerNodeId(String nodeId) {
    this.callerNodeId = nodeId;
    return this;
  }

  /**
   * Where fresher descriptors come from. Default: a {@link PlacementDescriptorSource} over {@link
   * #placementAddresses} if given (closed with the router), else {@link
   * DescriptorSource#unchanged()}.
   */
  public TabletRouterBuilder descriptorSource(DescriptorSource source) {
    this.descriptors = Objects.requireNonNull(source, "source");
    return this;
  }

  /**
   * host:port of placement driver members (or any nodes): the default {@link #descriptorSource}
   * then asks the placement driver. Key-addressed routing is {@link KeyRouter#builder()}.
   */
  public TabletRouterBuilder placementAddresses(List<String> addresses) {
    this.placementAddresses = List.copyOf(addresses);
    return this;
  }

  /** The randomness of backoff jitter. Default an unseeded {@link Random}. */
  public TabletRouterBuilder random(Random random) {
    this.random = Objects.requireNonNull(random, "random");
    return this;
  }

  /**
   * Where gRPC callbacks run and so where callers' futures complete. Default: a cached pool of
   * daemon threads named {@code cesium-router-N} that the router owns and stops on close. A given
   * executor is not stopped by the router. Do not pass {@code directExecutor()}: continuations of
   * callers would then run on transport threads.
   */
  public TabletRouterBuilder executor(Executor executor) {
    this.executor = Objects.requireNonNull(executor, "executor");
    return this;
  }

  public TabletRouter build() {
    ExecutorService owned =
        executor == null ? Executors.newCachedThreadPool(daemon("cesium-router-")) : null;
    Executor callbacks = executor == null ? owned : executor;
    DescriptorSource source = descriptors;
    if (source == null) {
      source =
          placementAddresses == null
              ? DescriptorSource.unchanged()
              : new PlacementDescriptorSource(placementAddresses, config.attemptTimeout());
    }
    return new TabletRouter(
        config,
        new ChannelPool(channelFactory, callerNodeId, callbacks),
        source,
        new Backoff(config.backoffBase(), config.backoffMax(), random),
        new BackoffTimer(),
        owned);
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
