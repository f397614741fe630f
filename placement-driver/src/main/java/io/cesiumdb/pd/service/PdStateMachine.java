package io.cesiumdb.pd.service;

import com.google.protobuf.InvalidProtocolBufferException;
import io.cesiumdb.common.concurrent.LeaderReadiness;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.pd.meta.MetaResult;
import io.cesiumdb.pd.meta.MetaState;
import io.cesiumdb.proto.placement.MetaCommand;
import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftGroupMemberId;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.raftlog.RaftLog;
import org.apache.ratis.server.storage.FileInfo;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.StateMachineStorage;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.apache.ratis.statemachine.impl.SimpleStateMachineStorage;
import org.apache.ratis.statemachine.impl.SingleFileSnapshotInfo;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.apache.ratis.util.MD5FileUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The placement driver's Ratis state machine: applies {@link MetaCommand} log entries to one {@link
 * MetaState} in log order, and snapshots it as one file.
 *
 * <ul>
 *   <li><b>Apply</b> (the group's StateMachineUpdater thread): parse, {@link MetaState#apply}, move
 *       the applied index — all under the write lock, so a snapshot or read never sees a command
 *       half-applied or the state and applied index out of step. The {@link MetaResult} goes back
 *       to the submitting handler in process as an {@link Applied} message (never serialized: a
 *       reply to a local submission stays in this JVM).
 *   <li><b>Snapshots</b>: {@code sm/snapshot.<term>_<index>} holds {@link MetaState#toSnapshot()}
 *       bytes, written to a temp file, fsynced, renamed, with an {@code .md5} beside it ({@link
 *       SimpleStateMachineStorage}). Start and {@link #reinitialize()} (after a snapshot was
 *       installed from the leader) load the newest one; Ratis replays the log after it.
 *   <li><b>Reads</b>: {@link #read} runs a function over the state under the read lock.
 * </ul>
 */
public final class PdStateMachine extends BaseStateMachine {
  private static final Logger LOG = LoggerFactory.getLogger(PdStateMachine.class);

  private final SimpleStateMachineStorage storage = new SimpleStateMachineStorage();
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final LeaderReadiness readiness = new LeaderReadiness();
  private MetaState state = new MetaState(); // guarded by lock
  private volatile Runnable leaderReadyListener = readiness::ready;

  /** The in-process reply of an applied command. */
  static final class Applied implements Message {
    private final MetaResult result;

    Applied(MetaResult result) {
      this.result = result;
    }

    MetaResult result() {
      return result;
    }

    @Override
    public ByteString getContent() {
      return ByteString.EMPTY;
    }

    @Override
    public String toString() {
      return "Applied[" + result + "]";
    }
  }

  @Override
  public void initialize(RaftServer server, RaftGroupId groupId, RaftStorage raftStorage)
      throws IOException {
    super.initialize(server, groupId, raftStorage);
    storage.init(raftStorage);
    load(storage.getLatestSnapshot());
  }

  /** Called by Ratis after it installed a snapshot from the leader into our state-machine dir. */
  @Override
  public void reinitialize() throws IOException {
    SingleFileSnapshotInfo latest = storage.loadLatestSnapshot();
    if (latest == null) {
      throw new IOException("PD state machine: no snapshot to install");
    }
    load(latest);
  }

  private void load(SingleFileSnapshotInfo snapshot) throws IOException {
    if (snapshot == null) {
      return;
    }
    Path file = snapshot.getFile().getPath();
    if (snapshot.hasMd5()) {
      MD5FileUtil.verifySavedMD5(file.toFile(), snapshot.getFile().getFileDigest());
    }
    MetaState loaded;
    try {
      loaded = MetaState.fromSnapshot(Files.readAllBytes(file));
    } catch (CesiumException e) {
      throw new IOException("corrupt PD snapshot " + file, e);
    }
    lock.writeLock().lock();
    try {
      state = loaded;
      setLastAppliedTermIndex(snapshot.getTermIndex());
    } finally {
      lock.writeLock().unlock();
    }
    LOG.info("PD {}: loaded snapshot {}", getId(), snapshot.getTermIndex());
  }

  @Override
  public CompletableFuture<Message> applyTransaction(TransactionContext trx) {
    LogEntryProto entry = trx.getLogEntry();
    MetaResult result;
    lock.writeLock().lock();
    try {
      result = apply(entry);
      updateLastAppliedTermIndex(entry.getTerm(), entry.getIndex());
    } finally {
      lock.writeLock().unlock();
    }
    return CompletableFuture.completedFuture(new Applied(result));
  }

  private MetaResult apply(LogEntryProto entry) {
    MetaCommand command;
    try {
      command =
          MetaCommand.parseFrom(
              entry.getStateMachineLogEntry().getLogData().asReadOnlyByteBuffer());
    } catch (InvalidProtocolBufferException e) {
      // Only our own leader writes entries; every replica rejects the same bytes the same way.
      LOG.error("PD {}: unparsable entry at {}", getId(), entry.getIndex(), e);
      return MetaResult.failed(ErrorCode.STORAGE_CORRUPTION, "unparsable PD log entry");
    }
    return state.apply(command);
  }

  /** Configuration entries carry no command, but the applied index must still move in step. */
  @Override
  public void notifyTermIndexUpdated(long term, long index) {
    lock.writeLock().lock();
    try {
      super.notifyTermIndexUpdated(term, index);
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public long takeSnapshot() throws IOException {
    byte[] bytes;
    TermIndex last;
    lock.readLock().lock();
    try {
      bytes = state.toSnapshot();
      last = getLastAppliedTermIndex();
    } finally {
      lock.readLock().unlock();
    }
    SingleFileSnapshotInfo latest = storage.getLatestSnapshot();
    if (last == null || (latest != null && latest.getIndex() >= last.getIndex())) {
      return latest == null ? RaftLog.INVALID_LOG_INDEX : latest.getIndex();
    }
    File file = storage.getSnapshotFile(last.getTerm(), last.getIndex());
    Path tmp = file.toPath().resolveSibling("tmp." + file.getName());
    Files.write(tmp, bytes);
    fsync(tmp, false);
    Files.move(tmp, file.toPath(), StandardCopyOption.ATOMIC_MOVE);
    var md5 = MD5FileUtil.computeAndSaveMd5ForFile(file);
    fsync(file.toPath().getParent(), true);
    storage.updateLatestSnapshot(
        new SingleFileSnapshotInfo(new FileInfo(file.toPath(), md5), last));
    return last.getIndex();
  }

  @Override
  public StateMachineStorage getStateMachineStorage() {
    return storage;
  }

  /**
   * What to run when Ratis says this member is a ready leader, instead of releasing the waiters at
   * once: the member first makes sure the bootstrap state exists ({@code LeaderBootstrap}), then
   * calls {@code readiness().ready()} itself. Set before the Raft server starts.
   */
  void onLeaderReady(Runnable listener) {
    this.leaderReadyListener = listener;
  }

  @Override
  public void notifyLeaderReady() {
    leaderReadyListener.run();
  }

  @Override
  public void notifyNotLeader(Collection<TransactionContext> pendingEntries) {
    lostLeadership("stepped down");
  }

  @Override
  public void notifyLeaderChanged(RaftGroupMemberId member, RaftPeerId newLeaderId) {
    if (!member.getPeerId().equals(newLeaderId)) {
      lostLeadership("leader is now " + newLeaderId);
    }
  }

  @Override
  public void close() throws IOException {
    lostLeadership("placement driver closed");
    super.close();
  }

  private void lostLeadership(String why) {
    readiness.lost(new CesiumException(ErrorCode.NOT_LEADER, "placement driver: " + why));
  }

  /** Runs {@code fn} over the applied state under the read lock; {@code fn} must not keep it. */
  <T> T read(Function<MetaState, T> fn) {
    lock.readLock().lock();
    try {
      return fn.apply(state);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The applied state's snapshot bytes and index, taken together. */
  StateAt stateAt() {
    lock.readLock().lock();
    try {
      TermIndex ti = getLastAppliedTermIndex();
      return new StateAt(ti == null ? -1 : ti.getIndex(), state.toSnapshot());
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Applied state bytes at an applied index. */
  record StateAt(long appliedIndex, byte[] snapshot) {}

  LeaderReadiness readiness() {
    return readiness;
  }

  private static void fsync(Path path, boolean dir) throws IOException {
    try (FileChannel channel =
        FileChannel.open(path, dir ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }
}
