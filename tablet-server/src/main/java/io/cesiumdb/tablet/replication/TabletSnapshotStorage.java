package io.cesiumdb.tablet.replication;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.storage.FileInfo;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.SnapshotInfo;
import org.apache.ratis.statemachine.SnapshotRetentionPolicy;
import org.apache.ratis.statemachine.StateMachineStorage;
import org.apache.ratis.statemachine.impl.FileListSnapshotInfo;
import org.apache.ratis.util.FileUtils;
import org.apache.ratis.util.MD5FileUtil;

/**
 * A tablet group's snapshots: one directory per snapshot under the group's state-machine dir,
 * {@code raft/<group>/sm/snapshot.<term>_<index>/}, holding one {@code MvccStore.exportRange} of
 * the tablet (data.sst, meta.sst, manifest) plus an {@code .md5} file per file, as Ratis expects.
 *
 * <p>A snapshot is written to {@code tmp.snapshot.<term>_<index>}, every file and the directory are
 * fsynced, and only then is it renamed to its final name: a final-named directory is complete and
 * durable, which is what allows Ratis to purge the log up to its index. Ratis ships the files
 * listed by {@link #getLatestSnapshot()} to a lagging follower and renames the received copy over
 * the follower's whole state-machine dir; {@link #reload()} then finds it.
 */
final class TabletSnapshotStorage implements StateMachineStorage {
  private static final Pattern NAME = Pattern.compile("snapshot\\.(\\d+)_(\\d+)");
  private static final String TMP_PREFIX = "tmp.";

  private volatile Path smDir;
  private volatile FileListSnapshotInfo latest;

  /** Writes a tablet export into a directory. */
  @FunctionalInterface
  interface Exporter {
    void exportTo(Path dir) throws IOException;
  }

  @Override
  public void init(RaftStorage raftStorage) throws IOException {
    open(raftStorage.getStorageDir().getStateMachineDir().toPath());
  }

  /** Uses {@code stateMachineDir} (created if missing) and loads its newest snapshot. */
  void open(Path stateMachineDir) throws IOException {
    smDir = stateMachineDir.toAbsolutePath();
    Files.createDirectories(smDir);
    reload();
  }

  @Override
  public SnapshotInfo getLatestSnapshot() {
    return latest;
  }

  @Override
  public void format() {}

  /** Re-reads the newest complete snapshot from disk (after an install, or at start). */
  FileListSnapshotInfo reload() throws IOException {
    FileListSnapshotInfo found = null;
    for (Path dir : snapshotDirs()) {
      found = load(dir);
      break;
    }
    latest = found;
    return found;
  }

  /** The directory holding {@code snapshot}'s files. */
  Path dirOf(SnapshotInfo snapshot) {
    return smDir.resolve(name(snapshot.getTermIndex()));
  }

  /** Writes, syncs and publishes a snapshot at {@code termIndex}; returns it. */
  FileListSnapshotInfo write(TermIndex termIndex, Exporter exporter) throws IOException {
    Path tmp = smDir.resolve(TMP_PREFIX + name(termIndex));
    Path dst = smDir.resolve(name(termIndex));
    FileUtils.deleteFully(tmp);
    exporter.exportTo(tmp);
    for (Path file : files(tmp)) {
      fsync(file);
      File md5 = MD5FileUtil.getDigestFileForFile(file.toFile());
      MD5FileUtil.computeAndSaveMd5ForFile(file.toFile());
      fsync(md5.toPath());
    }
    fsync(tmp);
    FileUtils.deleteFully(dst);
    Files.move(tmp, dst, StandardCopyOption.ATOMIC_MOVE);
    fsync(smDir);
    latest = load(dst);
    return latest;
  }

  @Override
  public void cleanupOldSnapshots(SnapshotRetentionPolicy policy) throws IOException {
    int keep = Math.max(1, policy.getNumSnapshotsRetained());
    List<Path> dirs = snapshotDirs();
    for (int i = keep; i < dirs.size(); i++) {
      FileUtils.deleteFully(dirs.get(i));
    }
    try (Stream<Path> list = Files.list(smDir)) {
      for (Path p : list.filter(p -> p.getFileName().toString().startsWith(TMP_PREFIX)).toList()) {
        FileUtils.deleteFully(p);
      }
    }
  }

  /** Snapshot directories, newest (highest index) first. */
  private List<Path> snapshotDirs() throws IOException {
    try (Stream<Path> list = Files.list(smDir)) {
      return list.filter(p -> Files.isDirectory(p) && termIndex(p) != null)
          .sorted(Comparator.comparing(TabletSnapshotStorage::termIndex).reversed())
          .toList();
    }
  }

  private static FileListSnapshotInfo load(Path dir) throws IOException {
    List<FileInfo> infos = new ArrayList<>();
    for (Path file : files(dir)) {
      infos.add(new FileInfo(file, MD5FileUtil.readStoredMd5ForFile(file.toFile())));
    }
    return new FileListSnapshotInfo(infos, termIndex(dir));
  }

  /** Regular files of a snapshot directory, md5 files excluded, in name order. */
  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().endsWith(MD5FileUtil.MD5_SUFFIX))
          .sorted()
          .toList();
    }
  }

  private static TermIndex termIndex(Path dir) {
    Matcher m = NAME.matcher(dir.getFileName().toString());
    return m.matches()
        ? TermIndex.valueOf(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)))
        : null;
  }

  private static String name(TermIndex termIndex) {
    return "snapshot." + termIndex.getTerm() + "_" + termIndex.getIndex();
  }

  private static void fsync(Path path) throws IOException {
    boolean dir = Files.isDirectory(path);
    try (FileChannel channel =
        FileChannel.open(path, dir ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }
}
