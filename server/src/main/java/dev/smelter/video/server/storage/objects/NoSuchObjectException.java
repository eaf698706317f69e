package dev.smelter.video.server.storage.objects;

import java.io.FileNotFoundException;

/** The key names no object: a job input that was never staged, or was deleted meanwhile. */
public final class NoSuchObjectException extends FileNotFoundException {
  private static final long serialVersionUID = 1L;

  public NoSuchObjectException(String key, String store) {
    super(key + " is not in the object store (" + store + ")");
  }
}
