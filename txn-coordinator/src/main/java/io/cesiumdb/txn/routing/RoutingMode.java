package io.cesiumdb.txn.routing;

/** Which replicas an attempt may go to. Chosen by the router per request, fixed for its life. */
enum RoutingMode {
  /**
   * The group's leader: cached leader first, else rotate through the replicas and follow not-leader
   * hints. Leader reads and scans, writes, status of the tablet.
   */
  LEADER,
  /**
   * Any replica (follower reads at a timestamp): rotate; after a replica fails or cannot serve the
   * timestamp yet, try the cached leader next, whose safe time is the newest.
   */
  ANY_REPLICA,
  /**
   * Any replica, the cached leader first: a snapshot read at "now", which followers cannot serve
   * yet (see {@link SnapshotRoute#LEADER_FIRST}).
   */
  LEADER_FIRST,
  /** One given replica only (status of that replica); hints are not followed. */
  FIXED
}
