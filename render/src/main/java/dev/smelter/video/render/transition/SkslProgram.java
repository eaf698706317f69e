package dev.smelter.video.render.transition;

import io.github.humbleui.skija.RuntimeEffect;

/**
 * One SkSL source, compiled on first use and then shared by every thread for the rest
 * of the process (a compiled {@link RuntimeEffect} is immutable).
 *
 * <p>The prelude gives each body gl-transitions' vocabulary: {@code progress}, {@code ratio}
 * (W/H), {@code getFromColor(uv)}/{@code getToColor(uv)} with uv in 0..1 and uv.y = 0 the top row
 * (Skia's pixel space is y-down, which is exactly Editly's orientation quirk). The body defines
 * {@code half4 transition(float2 uv)}.
 */
final class SkslProgram {
  static final String PRELUDE = """
      uniform shader fromImage;
      uniform shader toImage;
      uniform float2 resolution;
      uniform float progress;
      uniform float ratio;

      half4 getFromColor(float2 uv) { return fromImage.eval(uv * resolution); }
      half4 getToColor(float2 uv) { return toImage.eval(uv * resolution); }
      """;

  private static final String MAIN = """

      half4 main(float2 fragCoord) { return transition(fragCoord / resolution); }
      """;

  private final String name;
  private final String source;
  private volatile RuntimeEffect effect;

  private SkslProgram(String name, String source) {
    this.name = name;
    this.source = source;
  }

  /** A two-frame transition: {@code body} defines {@code half4 transition(float2 uv)}. */
  static SkslProgram transition(String name, String body) {
    return new SkslProgram(name, PRELUDE + body + MAIN);
  }

  /** A standalone shader with its own uniforms and {@code main}. */
  static SkslProgram shader(String name, String source) {
    return new SkslProgram(name, source);
  }

  RuntimeEffect effect() {
    RuntimeEffect compiled = effect;
    if (compiled == null) {
      synchronized (this) {
        compiled = effect;
        if (compiled == null) {
          try {
            compiled = RuntimeEffect.makeForShader(source);
          } catch (RuntimeException e) {
            throw new IllegalStateException("SkSL program '" + name + "' does not compile: " + e.getMessage(), e);
          }
          effect = compiled;
        }
      }
    }
    return compiled;
  }
}
