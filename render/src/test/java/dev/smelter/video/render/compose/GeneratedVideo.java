package dev.smelter.video.render.compose;

import dev.smelter.video.render.media.VideoFrameReader;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory {@link VideoFrameReader}: frame n is a solid colour with red = 10·n (mod 256),
 * green = 100, blue = 200, opaque.
 */
final class GeneratedVideo implements VideoFrameReader {
  final int width;
  final int height;
  final int frames;
  final AtomicInteger read = new AtomicInteger();
  final AtomicBoolean closed = new AtomicBoolean();

  GeneratedVideo(int width, int height, int frames) {
    this.width = width;
    this.height = height;
    this.frames = frames;
  }

  static int redOf(int frame) {
    return frame * 10 % 256;
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public int height() {
    return height;
  }

  @Override
  public boolean read(ByteBuffer dst) {
    int n = read.get();
    if (n >= frames) return false;
    for (int i = 0; i < width * height; i++) {
      dst.put(i * 4, (byte) redOf(n)).put(i * 4 + 1, (byte) 100).put(i * 4 + 2, (byte) 200).put(i * 4 + 3, (byte) 255);
    }
    read.incrementAndGet();
    return true;
  }

  @Override
  public void close() {
    closed.set(true);
  }

  /** A factory that hands out readers of {@code frames} frames sized like the request box, and remembers them. */
  static final class Factory implements VideoSourceFactory {
    final int frames;
    final List<GeneratedVideo> opened = new CopyOnWriteArrayList<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Fitted size for INSIDE requests: the reader returns this instead of the full box. */
    final int insideWidth;
    final int insideHeight;

    Factory(int frames) {
      this(frames, -1, -1);
    }

    Factory(int frames, int insideWidth, int insideHeight) {
      this.frames = frames;
      this.insideWidth = insideWidth;
      this.insideHeight = insideHeight;
    }

    @Override
    public VideoFrameReader open(Request request) {
      requests.add(request);
      boolean inside = request.fit() == Fit.INSIDE && insideWidth > 0;
      GeneratedVideo video = new GeneratedVideo(inside ? insideWidth : request.boxWidth(), inside ? insideHeight : request.boxHeight(), frames);
      opened.add(video);
      return video;
    }
  }
}
