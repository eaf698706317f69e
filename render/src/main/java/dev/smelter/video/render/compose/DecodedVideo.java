package dev.smelter.video.render.compose;

import dev.smelter.video.render.media.VideoFrameReader;
import io.github.humbleui.skija.Bitmap;
import io.github.humbleui.skija.ColorAlphaType;
import io.github.humbleui.skija.ColorType;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.ImageInfo;
import io.github.humbleui.skija.Pixmap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The frames of one video layer, decoded sequentially by a background thread into a bounded window
 * that the compositor threads read from.
 *
 * <p>Frame {@code n} is the layer's n-th decoded frame. The decoder runs at most {@code readAhead}
 * frames past the oldest frame still held, or further when a compositor thread asks for a later
 * frame (so a wide in-flight window can never deadlock against a small read-ahead). Frames leave
 * the window when {@link #releaseBefore} says they are done; the newest frame always stays, because
 * once the source ends it is repeated (Editly's behaviour). A thread waiting for a frame gives up
 * after the configured timeout.
 */
final class DecodedVideo implements AutoCloseable {
  private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(10);

  private final String at;
  private final VideoFrameReader reader;
  private final int readAhead;
  private final Duration timeout;
  private final Optional<BoxSize> backdropBox;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final List<VideoFrame> window = new ArrayList<>();
  private final Thread decoder;
  /** Decode-thread only: where the reader writes RGBA. */
  private Bitmap staging;

  // Guarded by lock.
  private int first; // index of window.get(0)
  private int decoded; // frames decoded so far
  private int wanted; // 1 + the highest index asked for
  private boolean ended;
  private boolean closed;
  private Throwable failure;

  /** @param backdropBox the box a contain-blur backdrop is made for, if the layer has one */
  DecodedVideo(String at, VideoFrameReader reader, int readAhead, Duration timeout, Optional<BoxSize> backdropBox) {
    this.at = at;
    this.reader = reader;
    this.readAhead = readAhead;
    this.timeout = timeout;
    this.backdropBox = backdropBox;
    this.decoder = Thread.ofPlatform().daemon().name("video-decode " + at).start(this::decodeLoop);
  }

  record BoxSize(int width, int height) {}

  /**
   * Frame {@code index} (0 = the first frame of the layer), waiting for the decoder if needed; after
   * the source's end, its last frame. Empty only if the source has no frames at all.
   */
  Optional<VideoFrame> frame(int index) {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      if (index + 1 > wanted) {
        wanted = index + 1;
        changed.signalAll();
      }
      while (true) {
        if (index < first) throw new IllegalStateException(at + ": video frame " + index + " was requested after it was released");
        if (index < decoded) return Optional.of(window.get(index - first));
        if (failure != null) throw new CompositionException(at, "video decoding failed: " + failure.getMessage(), failure);
        if (ended) return window.isEmpty() ? Optional.empty() : Optional.of(window.getLast());
        if (closed) throw new IllegalStateException(at + ": video layer is closed");
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) throw new CompositionException(at, "no video frame " + index + " after " + timeout.toMillis() + " ms");
        changed.awaitNanos(remaining);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CompositionException(at, "interrupted while waiting for video frame " + index, e);
    } finally {
      lock.unlock();
    }
  }

  /** Frames before {@code index} will not be asked for again. */
  void releaseBefore(int index) {
    lock.lock();
    try {
      while (first < index && window.size() > 1) {
        window.removeFirst().close();
        first++;
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Frames currently held (for tests and monitoring). */
  int heldFrames() {
    lock.lock();
    try {
      return window.size();
    } finally {
      lock.unlock();
    }
  }

  private void decodeLoop() {
    try {
      decodeUntilDone();
    } catch (Throwable t) {
      lock.lock();
      try {
        failure = t;
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    } finally {
      // The decode thread owns the reader and the staging buffer: nothing else touches them.
      if (staging != null) staging.close();
      reader.close();
    }
  }

  private void decodeUntilDone() throws InterruptedException {
    while (true) {
      lock.lock();
      try {
        while (!closed && decoded >= Math.max(first + readAhead, wanted)) changed.await();
        if (closed) return;
      } finally {
        lock.unlock();
      }
      Optional<VideoFrame> next = readNext();
      lock.lock();
      try {
        if (closed) {
          next.ifPresent(VideoFrame::close);
          return;
        }
        if (next.isEmpty()) {
          ended = true;
          return;
        }
        window.add(next.get());
        decoded++;
      } finally {
        changed.signalAll();
        lock.unlock();
      }
    }
  }

  /**
   * Decodes into a reused RGBA staging bitmap, then converts to the native premultiplied format here
   * on the decode thread (one pass, ~6 ms at 1080×1920), so that compositor threads draw a plain copy.
   */
  private Optional<VideoFrame> readNext() {
    if (staging == null) {
      staging = new Bitmap();
      ImageInfo info = new ImageInfo(reader.width(), reader.height(), ColorType.RGBA_8888, ColorAlphaType.UNPREMUL);
      if (!staging.allocPixels(info)) throw new IllegalStateException("cannot allocate a " + info.getWidth() + "×" + info.getHeight() + " frame");
    }
    try (Pixmap pixels = staging.peekPixels()) {
      if (!reader.read(pixels.getBuffer())) return Optional.empty();
    }
    staging.notifyPixelsChanged();
    Image picture;
    try (Bitmap converted = new Bitmap()) {
      converted.allocPixels(ImageInfo.makeN32Premul(reader.width(), reader.height()));
      try (Pixmap from = staging.peekPixels(); Pixmap to = converted.peekPixels()) {
        if (!from.readPixels(to)) throw new IllegalStateException("cannot convert a decoded frame");
      }
      converted.setImmutable();
      picture = Image.makeRasterFromBitmap(converted);
    }
    try {
      Optional<Image> backdrop = backdropBox.map(box -> BoxBlur.backdrop(picture, box.width(), box.height()));
      return Optional.of(new VideoFrame(picture, backdrop));
    } catch (RuntimeException e) {
      picture.close();
      throw e;
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      window.forEach(VideoFrame::close);
      window.clear();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    try {
      // The decoder closes the reader on its way out; wait for it so nothing outlives the clip.
      decoder.join(JOIN_TIMEOUT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
