package dev.smelter.video.render;

import dev.smelter.video.render.encode.EncoderProbe;
import dev.smelter.video.render.encode.H264Encoder;
import dev.smelter.video.render.gpu.EglContext;
import java.util.List;
import java.util.Optional;

/**
 * What this machine offers for rendering: the GL renderer a headless EGL context gets (shader layers
 * need one whatever {@code --gpu} says; composing on it is a GPU only when it is not a software
 * rasteriser) and the H.264 encoders that really open here. Read by {@code smelter-video probe}, the
 * service's {@code /info} and a fleet node's registration, so all three say the same thing.
 *
 * @param glRenderer the EGL context's GL renderer; empty when no context opens
 * @param encoders every candidate encoder with its outcome, in order of preference
 */
public record Capabilities(Optional<String> glRenderer, List<Encoder> encoders) {
  /** One H.264 encoder's outcome; {@code reason} says why it is unavailable, or {@code ok}. */
  public record Encoder(String name, boolean available, String reason) {}

  public Capabilities {
    encoders = List.copyOf(encoders);
  }

  /**
   * Probes GL and the encoders (each encoder is opened and fed a frame once per process; GL opens
   * and closes a context). Takes seconds on a cold process.
   */
  public static Capabilities probe() {
    Optional<String> gl = probeGl();
    return new Capabilities(gl, probeEncoders());
  }

  /** Only the encoders, probed once per process and cached. */
  public static List<Encoder> probeEncoders() {
    return EncoderProbe.results().stream().map(r -> new Encoder(r.name(), r.available(), r.reason())).toList();
  }

  /** Only GL: the renderer of a context opened and closed now; empty when EGL gives none. */
  public static Optional<String> probeGl() {
    return EglContext.probeRenderer();
  }

  /** Software rasterisers (Mesa llvmpipe/softpipe/swrast) are not a GPU. */
  public static boolean isSoftware(String renderer) {
    return EglContext.isSoftware(renderer);
  }

  /**
   * FFmpeg's name of a known H.264 encoder ({@code h264_nvenc}, {@code libx264}, …) given in any
   * case and with blanks around it; empty for a name this version cannot encode with.
   */
  public static Optional<String> h264Encoder(String name) {
    return H264Encoder.byName(name).map(H264Encoder::ffmpegName);
  }

  /** Whether an EGL context opens here (shader layers can render). */
  public boolean gl() {
    return glRenderer.isPresent();
  }

  /** Whether {@code --gpu auto} composes on a real GPU: GL opens, and not on a software rasteriser. */
  public boolean gpu() {
    return glRenderer.isPresent() && !isSoftware(glRenderer.get());
  }

  /** The names of the encoders that work here, in order of preference. */
  public List<String> availableEncoders() {
    return encoders.stream().filter(Encoder::available).map(Encoder::name).toList();
  }
}
