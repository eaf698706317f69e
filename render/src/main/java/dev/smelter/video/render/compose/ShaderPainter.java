package dev.smelter.video.render.compose;

import dev.smelter.video.plan.VisualLayer;
import dev.smelter.video.render.shader.ShaderException;
import dev.smelter.video.render.shader.ShaderThread;
import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.ColorAlphaType;
import io.github.humbleui.skija.ColorType;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.ImageInfo;

/**
 * Editly's {@code gl} and {@code rainbow-colors}: the layer's GLSL program drawn full-frame on the
 * render's {@link ShaderThread} with {@code time = progress·speed}, read back upright but mirrored
 * left to right (Editly reverses the pixel order), its alpha kept (Editly hands the RGBA to Fabric
 * as it is), and drawn as a raster image.
 */
final class ShaderPainter implements LayerPainter {
  private final VisualLayer.Shader layer;
  private final ShaderThread gl;
  private final int program;
  private final ImageInfo info;

  private ShaderPainter(VisualLayer.Shader layer, ShaderThread gl, int program) {
    this.layer = layer;
    this.gl = gl;
    this.program = program;
    this.info = new ImageInfo(gl.width(), gl.height(), ColorType.BGRA_8888, ColorAlphaType.PREMUL);
  }

  static ShaderPainter create(VisualLayer.Shader layer, LayerContext context) {
    ShaderThread gl = context.shaders().get(layer.at());
    try {
      return new ShaderPainter(layer, gl, gl.compile(layer.fragmentSource(), layer.vertexSource()));
    } catch (ShaderException e) {
      throw new CompositionException(layer.at(), e.getMessage(), e);
    }
  }

  @Override
  public void paint(Canvas canvas, int localFrame, double progress) {
    byte[] rgba;
    try {
      rgba = gl.draw(program, progress * layer.speed());
    } catch (ShaderException e) {
      throw new CompositionException(layer.at(), e.getMessage(), e);
    }
    try (Image frame = Image.makeRasterFromBytes(info, rgba, info.getMinRowBytes())) {
      canvas.drawImage(frame, 0, 0);
    }
  }

  @Override
  public void close() {
    gl.release(program);
  }
}
