package dev.smelter.video.render.compose;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Holds one clip's resources for the threads drawing it: the first user creates them (the others
 * wait), users draw under a shared lock, and closing waits for the draws in progress.
 */
final class ClipSlot {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Supplier<ClipResources> factory;
  private ClipResources resources;
  private boolean closed;

  ClipSlot(Supplier<ClipResources> factory) {
    this.factory = factory;
  }

  /**
   * Runs {@code action} with the clip's resources, creating them first if needed.
   *
   * @return false, without running it, when the slot has been closed (the caller takes a new one)
   */
  boolean use(Consumer<ClipResources> action) {
    lock.readLock().lock();
    try {
      if (closed) return false;
      if (resources != null) {
        action.accept(resources);
        return true;
      }
    } finally {
      lock.readLock().unlock();
    }
    lock.writeLock().lock();
    try {
      if (closed) return false;
      if (resources == null) resources = factory.get();
      lock.readLock().lock(); // downgrade: others may draw while this thread does
    } finally {
      lock.writeLock().unlock();
    }
    try {
      action.accept(resources);
      return true;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Runs {@code action} only if the resources exist (never creates them). */
  void ifOpen(Consumer<ClipResources> action) {
    lock.readLock().lock();
    try {
      if (!closed && resources != null) action.accept(resources);
    } finally {
      lock.readLock().unlock();
    }
  }

  void close() {
    lock.writeLock().lock();
    try {
      closed = true;
      if (resources != null) resources.close();
      resources = null;
    } finally {
      lock.writeLock().unlock();
    }
  }
}
