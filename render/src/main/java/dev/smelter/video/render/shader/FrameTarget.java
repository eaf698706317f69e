package dev.smelter.video.render.shader;

import static org.lwjgl.opengl.GL33C.*;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Where shader layers draw, and how their pixels come back the way Editly shows them.
 *
 * <p>Editly reverses the order of all pixels GL reads back (bottom-up rows), which turns the
 * picture upright but also mirrors it left to right (measured against Editly 0.14.2:
 * {@code gl_FragCoord.x = 0} ends up on the right). A second pass does that here on the GPU side:
 * it samples the layer's frame at {@code 1 − uv}, so that GL's bottom-up read-back yields the rows
 * top first, and premultiplies alpha, so the pixels come back as BGRA premultiplied — Skia's native
 * raster format on little-endian machines, drawn without any conversion.
 *
 * <p>Editly's reversal is also off by one pixel: its pixel {@code i} is GL's pixel {@code N − i}, so
 * GL's first pixel (bottom left) is lost, every row moves one pixel to the right, the last pixel of
 * each row wraps round to the start of the next, and the top-left pixel stays transparent (measured
 * on Editly 0.14.2 output: its column 0 holds the previous row's last pixel). {@link #read} does the
 * same shift while copying the pixels out.
 */
final class FrameTarget implements AutoCloseable {
  private static final String READBACK_VERTEX = """
      attribute vec2 position;
      varying vec2 uv;
      void main() {
        uv = position * 0.5 + 0.5;
        gl_Position = vec4(position, 0.0, 1.0);
      }
      """;
  private static final String READBACK_FRAGMENT = """
      precision highp float;
      uniform sampler2D frame;
      varying vec2 uv;
      void main() {
        vec4 c = texture2D(frame, vec2(1.0) - uv);
        gl_FragColor = vec4(c.rgb * c.a, c.a);
      }
      """;

  private final int width;
  private final int height;
  private final int sceneBuffer = glGenFramebuffers();
  private final int sceneTexture = glGenTextures();
  private final int outputBuffer = glGenFramebuffers();
  private final int outputColour = glGenRenderbuffers();
  private final ShaderProgram readback;

  FrameTarget(int width, int height) throws ShaderException {
    this.width = width;
    this.height = height;
    glBindTexture(GL_TEXTURE_2D, sceneTexture);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, (ByteBuffer) null);
    // one texel per output pixel, sampled at its centre: nearest keeps the values exact
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindFramebuffer(GL_FRAMEBUFFER, sceneBuffer);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, sceneTexture, 0);
    boolean sceneOk = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    glBindRenderbuffer(GL_RENDERBUFFER, outputColour);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
    glBindFramebuffer(GL_FRAMEBUFFER, outputBuffer);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, outputColour);
    boolean outputOk = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    if (!sceneOk || !outputOk) {
      deleteBuffers();
      throw new ShaderException("cannot create " + width + "x" + height + " RGBA framebuffers");
    }
    try {
      readback = ShaderProgram.compile(READBACK_FRAGMENT, Optional.of(READBACK_VERTEX));
    } catch (ShaderException e) {
      deleteBuffers();
      throw e;
    }
  }

  /** Makes the layer's frame the drawing target, cleared to transparent. */
  void bindScene() {
    glBindFramebuffer(GL_FRAMEBUFFER, sceneBuffer);
    glViewport(0, 0, width, height);
    glDisable(GL_BLEND);
    glClearColor(0, 0, 0, 0);
    glClear(GL_COLOR_BUFFER_BIT);
  }

  /**
   * The layer's frame as Editly shows it: BGRA premultiplied, rows top first ({@code width·4} bytes
   * each), shifted one pixel on as Editly's read-back is.
   */
  byte[] read(ShaderProgram.Quad quad, ByteBuffer scratch) {
    glBindFramebuffer(GL_FRAMEBUFFER, outputBuffer);
    glViewport(0, 0, width, height);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, sceneTexture);
    readback.draw(quad, 0, width, height);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    scratch.clear();
    glReadPixels(0, 0, width, height, GL_BGRA, GL_UNSIGNED_BYTE, scratch);
    byte[] out = new byte[width * height * 4]; // out[0..3] stay 0: the transparent first pixel
    scratch.get(0, out, 4, out.length - 4);
    return out;
  }

  private void deleteBuffers() {
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(sceneBuffer);
    glDeleteFramebuffers(outputBuffer);
    glDeleteTextures(sceneTexture);
    glDeleteRenderbuffers(outputColour);
  }

  @Override
  public void close() {
    readback.close();
    deleteBuffers();
  }
}
