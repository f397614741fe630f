package io.cesiumdb.txn.routing;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tablet id to the last known leader of its Raft group. Filled from not-leader hints and from
 * successful answers only a leader gives (leader reads, writes, a status saying {@code is_leader});
 * emptied for a tablet when its cached leader fails an attempt.
 *
 * <p>Entries are hints, never truth: a cached leader may have lost leadership long ago, and the
 * router finds out from the next answer. There is no expiry; a wrong entry costs one redirect.
 *
 * <p>Thread-safe. {@link #invalidate(long, String)} removes an entry only if it still names the
 * address that failed, so a concurrent request's fresher hint is not thrown away.
 */
public final class LeaderCache {
  private final Map<Long, Endpoint> leaders = new ConcurrentHashMap<>();

  /** The cached leader of {@code tabletId}, if any. */
  public Optional<Endpoint> get(long tabletId) {
    return Optional.ofNullable(leaders.get(tabletId));
  }

  /** Records {@code leader} as the leader of {@code tabletId}. */
  public void update(long tabletId, Endpoint leader) {
    leaders.put(tabletId, leader);
  }

  /**
   * Forgets the leader of {@code tabletId} if it is still the one at {@code failedAddress}.
   *
   * @return true if an entry was removed
   */
  public boolean invalidate(long tabletId, String failedAddress) {
    boolean[] removed = {false};
    leaders.computeIfPresent(
        tabletId,
        (id, cur) -> {
          if (cur.address().equals(failedAddress)) {
            removed[0] = true;
            return null;
          }
          return cur;
        });
    return removed[0];
  }

  /** Forgets the leader of {@code tabletId} whatever it is (the tablet moved). */
  public void invalidate(long tabletId) {
    leaders.remove(tabletId);
  }

  /** The number of tablets with a cached leader. */
  public int size() {
    return leaders.size();
  }
}
