package io.cesiumdb.tablet.replication.apply;

import io.cesiumdb.proto.tablet.TabletCommand;
import io.cesiumdb.proto.tablet.TabletCommand.CommandCase;
import io.cesiumdb.tablet.storage.MvccWriteBatch;
import java.util.EnumMap;
import java.util.Map;

/** Routes each {@link TabletCommand} to the handler of its case; one handler per command. */
public final class CommandDispatcher {
  private final Map<CommandCase, CommandHandler> handlers = new EnumMap<>(CommandCase.class);

  /** Every command of this version. */
  public static CommandDispatcher standard() {
    return new CommandDispatcher()
        .register(CommandCase.APPLY_WRITES, new ApplyWritesHandler())
        .register(CommandCase.SPLIT_RANGE, new SplitRangeHandler())
        .register(CommandCase.TIMESTAMP_LEASE, new TimestampLeaseHandler())
        .register(CommandCase.PREPARE_TXN, new PrepareTxnHandler())
        .register(CommandCase.TXN_DECISION, new TxnDecisionHandler())
        .register(CommandCase.RESOLVE_TXN, new ResolveTxnHandler())
        .register(CommandCase.GC_BELOW, new GcBelowHandler())
        .register(CommandCase.FORGET_TXN_DECISIONS, new ForgetTxnDecisionsHandler());
  }

  /** Adds (or replaces) the handler of one command case. */
  public CommandDispatcher register(CommandCase commandCase, CommandHandler handler) {
    handlers.put(commandCase, handler);
    return this;
  }

  /**
   * Applies {@code command}; an empty command is a no-op. A case with no handler is a newer
   * binary's command this one cannot apply: that throws, which stops the replica rather than
   * skipping data.
   */
  public ApplyOutcome apply(TabletCommand command, ApplyContext context, MvccWriteBatch batch) {
    if (command.getCommandCase() == CommandCase.COMMAND_NOT_SET) {
      return ApplyOutcome.applied(context.appliedMaxTs());
    }
    CommandHandler handler = handlers.get(command.getCommandCase());
    if (handler == null) {
      throw new IllegalStateException(
          "tablet " + context.tabletId() + ": no handler for " + command.getCommandCase());
    }
    return handler.apply(command, context, batch);
  }
}
