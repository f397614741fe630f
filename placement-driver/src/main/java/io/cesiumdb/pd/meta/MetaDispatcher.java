package io.cesiumdb.pd.meta;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.placement.MetaCommand;

/** Routes each {@code MetaCommand} to its handler and turns rejections into data. */
final class MetaDispatcher {
  private final RegisterNodeHandler registerNode = new RegisterNodeHandler();
  private final HeartbeatHandler heartbeat = new HeartbeatHandler();
  private final CreateSchemaHandler createSchema = new CreateSchemaHandler();
  private final CreateTableHandler createTable = new CreateTableHandler();
  private final DropTableHandler dropTable = new DropTableHandler();
  private final SplitTabletHandler splitTablet = new SplitTabletHandler();
  private final UpdateReplicasHandler updateReplicas = new UpdateReplicasHandler();
  private final UpdateLeaderHandler updateLeader = new UpdateLeaderHandler();
  private final AllocateTabletIdsHandler allocateTabletIds = new AllocateTabletIdsHandler();
  private final DropSchemaHandler dropSchema = new DropSchemaHandler();
  private final CreateUserHandler createUser = new CreateUserHandler();
  private final DropUserHandler dropUser = new DropUserHandler();

  MetaResult dispatch(MetaStores stores, MetaCommand cmd) {
    try {
      return MetaResult.ok(route(stores, cmd));
    } catch (CesiumException e) {
      return MetaResult.failed(e);
    }
  }

  private Object route(MetaStores stores, MetaCommand cmd) {
    return switch (cmd.getCommandCase()) {
      case REGISTER_NODE -> registerNode.apply(stores, cmd.getRegisterNode());
      case HEARTBEAT -> heartbeat.apply(stores, cmd.getHeartbeat());
      case CREATE_SCHEMA -> createSchema.apply(stores, cmd.getCreateSchema());
      case CREATE_TABLE -> createTable.apply(stores, cmd.getCreateTable());
      case DROP_TABLE -> dropTable.apply(stores, cmd.getDropTable());
      case SPLIT_TABLET -> splitTablet.apply(stores, cmd.getSplitTablet());
      case UPDATE_REPLICAS -> updateReplicas.apply(stores, cmd.getUpdateReplicas());
      case UPDATE_LEADER -> updateLeader.apply(stores, cmd.getUpdateLeader());
      case ALLOCATE_TABLET_IDS -> allocateTabletIds.apply(stores, cmd.getAllocateTabletIds());
      case DROP_SCHEMA -> dropSchema.apply(stores, cmd.getDropSchema());
      case CREATE_USER -> createUser.apply(stores, cmd.getCreateUser());
      case DROP_USER -> dropUser.apply(stores, cmd.getDropUser());
      case COMMAND_NOT_SET ->
          throw new CesiumException(ErrorCode.INVALID_ARGUMENT, "empty MetaCommand");
    };
  }
}
