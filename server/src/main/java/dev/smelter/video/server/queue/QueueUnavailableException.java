package dev.smelter.video.server.queue;

/**
 * The queue's store cannot be reached now (the fleet's Redis is down or cut off): the operation may
 * succeed later, unlike a refused or invalid one. Render slots wait for it (bounded) before they
 * record a result; the API answers 503.
 */
public final class QueueUnavailableException extends RuntimeException {
  public QueueUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
