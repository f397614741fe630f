package io.cesiumdb.tablet.replication.apply;

import io.cesiumdb.proto.tablet.TabletCommand;
import io.cesiumdb.tablet.gc.GcConfig;
import io.cesiumdb.tablet.gc.VersionGc;
import io.cesiumdb.tablet.replication.GcHorizons;
import io.cesiumdb.tablet.replication.TabletRange;
import io.cesiumdb.tablet.storage.MvccWriteBatch;

/**
 * {@code GcBelow}: removes, in this entry's batch, the versions of the tablet's keys that are older
 * than the newest version at or below the horizon ({@link VersionGc}, at most {@link
 * GcConfig#DEFAULT_MAX_VERSIONS_PER_BATCH} per entry, from the start of the range; the leader sends
 * another entry next round when more remain), and records the horizon. Every replica reads the same
 * store state at the same log position, so every replica removes the same versions. A horizon not
 * above the recorded one is a no-op.
 */
public final class GcBelowHandler implements CommandHandler {
  @Override
  public ApplyOutcome apply(TabletCommand command, ApplyContext context, MvccWriteBatch batch) {
    long horizon = command.getGcBelow().getHorizonTs();
    if (horizon <= GcHorizons.read(context.store(), context.tabletId())) {
      return ApplyOutcome.applied(context.appliedMaxTs());
    }
    VersionGc.collect(
        context.store(),
        context.keyspace(),
        TabletRange.start(context.descriptor()),
        TabletRange.end(context.descriptor()),
        horizon,
        batch,
        GcConfig.DEFAULT_MAX_VERSIONS_PER_BATCH);
    GcHorizons.write(batch, context.tabletId(), horizon);
    return ApplyOutcome.applied(context.appliedMaxTs());
  }
}
