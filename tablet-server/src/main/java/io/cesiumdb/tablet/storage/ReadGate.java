package io.cesiumdb.tablet.storage;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Guards a resource against use during and after its close: any number of users {@link #enter}
 * concurrently, while {@link #exclusive} work and {@link #close} wait for them to leave.
 *
 * <p>For RocksDB this is memory safety, not politeness: an iterator or snapshot used after the
 * native DB was closed crashes the JVM. A gate may have a parent (a snapshot's gate has its
 * store's): entering enters the parent first, so the lock order is always parent before child, and
 * closing the parent first closes, under its exclusive lock, whatever children its release action
 * names.
 */
final class ReadGate {
  private final String what;
  private final ReadGate parent;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private volatile boolean closed;

  ReadGate(String what) {
    this(what, null);
  }

  ReadGate(String what, ReadGate parent) {
    this.what = what;
    this.parent = parent;
  }

  /** Enters as a user; throws {@link IllegalStateException} if this gate or a parent is closed. */
  void enter() {
    if (parent != null) {
      parent.enter();
    }
    lock.readLock().lock();
    if (closed) {
      exit();
      throw new IllegalStateException(what + " is closed");
    }
  }

  /** Leaves after a successful {@link #enter}. */
  void exit() {
    lock.readLock().unlock();
    if (parent != null) {
      parent.exit();
    }
  }

  /** Runs {@code op} as a user. */
  <T> T read(Supplier<T> op) {
    enter();
    try {
      return op.get();
    } finally {
      exit();
    }
  }

  /** Runs {@code op} as a user. */
  void run(Runnable op) {
    enter();
    try {
      op.run();
    } finally {
      exit();
    }
  }

  /** Runs {@code op} while no user is inside; throws if closed. */
  void exclusive(Runnable op) {
    if (parent != null) {
      parent.enter();
    }
    lock.writeLock().lock();
    try {
      if (closed) {
        throw new IllegalStateException(what + " is closed");
      }
      op.run();
    } finally {
      lock.writeLock().unlock();
      if (parent != null) {
        parent.exit();
      }
    }
  }

  /**
   * Runs {@code release} once, while no user is inside, and marks the gate closed. Does nothing if
   * already closed, or if the parent is closed (the parent's close released everything).
   */
  void close(Runnable release) {
    if (parent != null && !parent.tryEnter()) {
      return;
    }
    lock.writeLock().lock();
    try {
      if (!closed) {
        release.run();
        closed = true;
      }
    } finally {
      lock.writeLock().unlock();
      if (parent != null) {
        parent.exit();
      }
    }
  }

  private boolean tryEnter() {
    try {
      enter();
      return true;
    } catch (IllegalStateException alreadyClosed) {
      return false;
    }
  }
}
