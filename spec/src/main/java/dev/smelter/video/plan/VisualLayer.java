package dev.smelter.video.plan;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A layer that draws pixels, with every default already resolved. Layers of a clip are composited
 * in order, last on top, over a transparent frame (transparent ends up black).
 *
 * <p>{@link #at()} is the JSON path of the layer in the spec ({@code clips[3].layers[0]}), so that
 * render-time failures can still name the input that caused them.
 */
public sealed interface VisualLayer {
  String at();

  LayerWindow window();

  /** A still picture, fitted with {@code resizeMode} and zoomed over the layer's life. */
  record Image(String at, LayerWindow window, Path path, ResizeMode resizeMode, KenBurns zoom)
      implements VisualLayer {}

  /**
   * A video, cut to [cutFrom, cutTo) of the source and played {@code speed} times slower (output
   * seconds per source second; Editly's {@code setpts=speed*PTS}), fitted into the placement box.
   */
  record Video(
      String at,
      LayerWindow window,
      Path path,
      ResizeMode resizeMode,
      double cutFrom,
      double cutTo,
      double speed,
      Box box,
      MediaInfo.VideoStream source)
      implements VisualLayer {}

  /** A full-frame colour (also Editly's {@code pause}). */
  record FillColor(String at, LayerWindow window, Rgba color) implements VisualLayer {}

  /** Editly's {@code title}: wrapped, centred text at 0.8·W, font size round(0.1·min(W,H)). */
  record Title(
      String at,
      LayerWindow window,
      String text,
      Rgba textColor,
      FontRef font,
      Position position,
      KenBurns zoom)
      implements VisualLayer {}

  /** A PNG/SVG/JPEG placed at a position, sized by relative width or height. */
  record ImageOverlay(
      String at,
      LayerWindow window,
      Path path,
      Position position,
      OptionalDouble width,
      OptionalDouble height,
      KenBurns zoom)
      implements VisualLayer {}

  /** Editly's {@code subtitle}: bottom text box that slides/fades in. */
  record Subtitle(
      String at,
      LayerWindow window,
      String text,
      Rgba textColor,
      Rgba backgroundColor,
      FontRef font,
      double delay,
      double speed)
      implements VisualLayer {}

  /** Editly's {@code news-title}: a red box and text sliding in near the top. */
  record NewsTitle(
      String at,
      LayerWindow window,
      String text,
      Rgba textColor,
      Rgba backgroundColor,
      FontRef font,
      double delay,
      double speed)
      implements VisualLayer {}

  /** Editly's {@code slide-in-text}. */
  record SlideInText(
      String at,
      LayerWindow window,
      String text,
      double fontSize,
      double charSpacing,
      Rgba color,
      FontRef font,
      Position position)
      implements VisualLayer {}

  /** A linear gradient rotating by 30°·p about the centre. */
  record LinearGradient(String at, LayerWindow window, Rgba from, Rgba to) implements VisualLayer {}

  /** A radial gradient expanding with progress. */
  record RadialGradient(String at, LayerWindow window, Rgba from, Rgba to) implements VisualLayer {}

  /** A GLSL fragment shader layer ({@code gl}; {@code rainbow-colors} is a bundled one). */
  record Shader(
      String at,
      LayerWindow window,
      String fragmentSource,
      Optional<String> vertexSource,
      double speed)
      implements VisualLayer {}

  /**
   * The placement box of a video layer: relative size and position, with origins (Editly's
   * width/height/left/top/originX/originY).
   */
  record Box(double width, double height, double left, double top, Position.OriginX originX, Position.OriginY originY) {
    public static final Box FULL = new Box(1, 1, 0, 0, Position.OriginX.LEFT, Position.OriginY.TOP);
  }

  /** Convenience for renderers that precompute per-clip resources. */
  static List<Path> filesOf(VisualLayer layer) {
    return switch (layer) {
      case Image i -> List.of(i.path());
      case Video v -> List.of(v.path());
      case ImageOverlay o -> List.of(o.path());
      default -> List.of();
    };
  }
}
