package dev.smelter.video.render.compose;

import io.github.humbleui.skija.Image;
import java.util.Optional;

/** One decoded frame of a video layer, with its blurred backdrop when the layer uses contain-blur. */
record VideoFrame(Image picture, Optional<Image> backdrop) implements AutoCloseable {
  @Override
  public void close() {
    picture.close();
    backdrop.ifPresent(Image::close);
  }
}
