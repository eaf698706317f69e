package dev.smelter.video.spec;

import dev.smelter.video.plan.FontRef;
import dev.smelter.video.plan.KenBurns;
import dev.smelter.video.plan.LayerWindow;
import dev.smelter.video.plan.MediaInfo;
import dev.smelter.video.plan.Position;
import dev.smelter.video.plan.Position.OriginX;
import dev.smelter.video.plan.Position.OriginY;
import dev.smelter.video.plan.ResizeMode;
import dev.smelter.video.plan.Rgba;
import dev.smelter.video.plan.VisualLayer;
import dev.smelter.video.spec.EditSpec.LayerSpec;
import dev.smelter.video.spec.color.CssColor;
import dev.smelter.video.spec.color.Palettes;
import dev.smelter.video.spec.json.JsonValue;
import dev.smelter.video.spec.json.JsonValue.JArray;
import dev.smelter.video.spec.json.JsonValue.JObject;
import dev.smelter.video.spec.json.JsonValue.JString;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.random.RandomGenerator;

/**
 * Types one layer of a clip into plan layers, with Editly 0.14.2's defaults (docs/compatibility.md,
 * "Layers"). A layer can yield several visual layers ({@code title-background}, {@code
 * editly-banner}), a clip-audio source ({@code audio}, a video's sound) or a global track
 * ({@code detached-audio}).
 */
final class LayerResolver {
  /** The layer types Editly 0.14.2 accepts. */
  static final List<String> TYPES = List.of(
      "video", "audio", "detached-audio", "image", "image-overlay", "title", "subtitle",
      "title-background", "news-title", "slide-in-text", "fill-color", "pause", "radial-gradient",
      "linear-gradient", "rainbow-colors", "gl", "canvas", "fabric", "editly-banner");

  /** Sound a layer contributes to its clip's audio bed (before tempo decisions). */
  record ClipSound(String at, Path path, double cutFrom, double cutTo, double speed, double mixVolume, boolean fromVideo) {}

  /** A {@code detached-audio} layer; its start is relative to the clip's start on the timeline. */
  record Detached(String at, Path path, double mixVolume, double cutFrom, OptionalDouble cutTo, double start) {}

  /** Everything one clip's layers resolve to. */
  record Resolved(List<VisualLayer> visuals, List<ClipSound> sounds, List<Detached> detached) {}

  private final MediaCatalog media;
  private final Diagnostics diag;
  private final boolean keepSourceAudio;

  LayerResolver(MediaCatalog media, Diagnostics diag, boolean keepSourceAudio) {
    this.media = media;
    this.diag = diag;
    this.keepSourceAudio = keepSourceAudio;
  }

  /**
   * @param explicitDuration whether the clip set its own duration (then videos are retimed to it)
   */
  Resolved resolve(List<LayerSpec> layers, double clipDuration, boolean explicitDuration, RandomGenerator rng) {
    List<VisualLayer> visuals = new ArrayList<>();
    List<ClipSound> sounds = new ArrayList<>();
    List<Detached> detached = new ArrayList<>();
    for (LayerSpec layer : layers) {
      Fields f = new Fields(layer.props(), layer.at(), diag);
      f.accept("type");
      switch (layer.type()) {
        case "detached-audio" -> detachedAudio(f).ifPresent(detached::add);
        case "audio" -> audio(f, clipDuration).ifPresent(s -> { if (keepSourceAudio) sounds.add(s); });
        case "canvas", "fabric" -> diag.error(layer.at() + ".func",
            "\"func\" must be a function: " + layer.type() + " layers run JavaScript functions, which a JSON spec cannot contain");
        default -> {
          if (!TYPES.contains(layer.type())) {
            diag.error(layer.at() + ".type", "Invalid layer type " + layer.type() + " (known: " + String.join(", ", TYPES) + ")");
            continue;
          }
          Optional<LayerWindow> window = window(f, clipDuration);
          if (window.isEmpty()) continue;
          visual(layer.type(), f, window.get(), clipDuration, explicitDuration, rng, visuals, sounds);
        }
      }
      warnUnknownOwnKeys(layer);
    }
    return new Resolved(visuals, sounds, detached);
  }

  /**
   * Only the layer's own keys are checked for typos: defaults.layer keys (e.g. fontPath) are
   * legitimately merged into every layer type.
   */
  private void warnUnknownOwnKeys(LayerSpec layer) {
    java.util.Set<String> known = KNOWN_KEYS.getOrDefault(layer.type(), java.util.Set.of());
    for (String key : layer.own().members().keySet()) {
      if (!key.equals("type") && !key.equals("start") && !key.equals("stop") && !known.contains(key)) {
        diag.warn(layer.at() + "." + key, "unknown key for a " + layer.type() + " layer (ignored)");
      }
    }
  }

  private static final Map<String, java.util.Set<String>> KNOWN_KEYS = Map.ofEntries(
      Map.entry("video", java.util.Set.of("path", "resizeMode", "cutFrom", "cutTo", "width", "height", "left", "top", "originX", "originY", "mixVolume")),
      Map.entry("audio", java.util.Set.of("path", "cutFrom", "cutTo", "mixVolume")),
      Map.entry("detached-audio", java.util.Set.of("path", "cutFrom", "cutTo", "mixVolume")),
      Map.entry("image", java.util.Set.of("path", "resizeMode", "zoomDirection", "zoomAmount", "duration")),
      Map.entry("image-overlay", java.util.Set.of("path", "position", "width", "height", "zoomDirection", "zoomAmount")),
      Map.entry("title", java.util.Set.of("text", "textColor", "fontPath", "fontFamily", "position", "zoomDirection", "zoomAmount")),
      Map.entry("subtitle", java.util.Set.of("text", "textColor", "backgroundColor", "fontPath", "fontFamily", "delay", "speed")),
      Map.entry("title-background", java.util.Set.of("text", "textColor", "fontPath", "fontFamily", "background")),
      Map.entry("news-title", java.util.Set.of("text", "textColor", "backgroundColor", "fontPath", "fontFamily", "delay", "speed", "position")),
      Map.entry("slide-in-text", java.util.Set.of("text", "fontSize", "charSpacing", "color", "position", "fontPath", "fontFamily")),
      Map.entry("fill-color", java.util.Set.of("color")),
      Map.entry("pause", java.util.Set.of("color")),
      Map.entry("radial-gradient", java.util.Set.of("colors")),
      Map.entry("linear-gradient", java.util.Set.of("colors")),
      Map.entry("rainbow-colors", java.util.Set.of("speed")),
      Map.entry("gl", java.util.Set.of("fragmentPath", "vertexPath", "fragmentSrc", "vertexSrc", "speed")),
      Map.entry("editly-banner", java.util.Set.of("fontPath")),
      Map.entry("canvas", java.util.Set.of("func")),
      Map.entry("fabric", java.util.Set.of("func", "params")));

  private Optional<LayerWindow> window(Fields f, double clipDuration) {
    double start = f.number("start").orElse(0);
    double stop = f.number("stop").orElse(clipDuration);
    double len = stop - start;
    if (start < 0 || !(len > 0) || len > clipDuration + 1e-9) {
      diag.error(f.path(), "Invalid start " + Fields.fmt(start) + " or stop " + Fields.fmt(stop) + " (" + Fields.fmt(clipDuration) + ")");
      return Optional.empty();
    }
    return Optional.of(new LayerWindow(start, stop));
  }

  /** Editly drops the sound of layers with a truthy start or any stop. */
  private static boolean hasWindow(Fields f) {
    return f.number("start").orElse(0) != 0 || f.raw("stop").isPresent();
  }

  private void visual(String type, Fields f, LayerWindow w, double clipDuration, boolean explicitDuration,
      RandomGenerator rng, List<VisualLayer> out, List<ClipSound> sounds) {
    String at = f.path();
    switch (type) {
      case "image" -> image(f).ifPresent(p -> out.add(new VisualLayer.Image(at, w, p, resizeMode(f), zoom(f, KenBurns.Direction.IN, 0.1))));
      case "video" -> video(f, w, clipDuration, explicitDuration, out, sounds);
      case "fill-color", "pause" -> out.add(new VisualLayer.FillColor(at, w, color(f, "color").orElseGet(() -> Palettes.randomColor(rng))));
      case "title" -> text(f).ifPresent(t -> out.add(new VisualLayer.Title(at, w, t,
          color(f, "textColor").orElse(Rgba.WHITE), font(f), position(f, "position"), zoom(f, KenBurns.Direction.IN, 0.2))));
      case "image-overlay" -> image(f).ifPresent(p -> out.add(new VisualLayer.ImageOverlay(at, w, p,
          position(f, "position"), f.nonNegative("width"), f.nonNegative("height"), zoom(f, KenBurns.Direction.NONE, 0.1))));
      case "subtitle" -> text(f).ifPresent(t -> out.add(new VisualLayer.Subtitle(at, w, t,
          color(f, "textColor").orElse(Rgba.WHITE), color(f, "backgroundColor").orElse(new Rgba(0, 0, 0, 0.3)), font(f),
          f.number("delay", 0), f.number("speed", 1))));
      case "news-title" -> text(f).ifPresent(t -> {
        f.accept("position"); // documented but ignored by Editly (#156)
        out.add(new VisualLayer.NewsTitle(at, w, t, color(f, "textColor").orElse(Rgba.WHITE),
            color(f, "backgroundColor").orElse(CssColor.parse("#d02a42").orElseThrow()), font(f), f.number("delay", 0), f.number("speed", 1)));
      });
      case "slide-in-text" -> text(f).ifPresent(t -> out.add(new VisualLayer.SlideInText(at, w, t,
          f.number("fontSize", 0.05), f.number("charSpacing", 0.1), color(f, "color").orElse(Rgba.WHITE), font(f), position(f, "position"))));
      case "linear-gradient" -> {
        Rgba[] c = colors(f, rng);
        out.add(new VisualLayer.LinearGradient(at, w, c[0], c[1]));
      }
      case "radial-gradient" -> {
        Rgba[] c = colors(f, rng);
        out.add(new VisualLayer.RadialGradient(at, w, c[0], c[1]));
      }
      case "rainbow-colors" -> out.add(new VisualLayer.Shader(at, w, bundledShader("rainbow-colors.frag"), Optional.empty(), f.number("speed", 1)));
      case "gl" -> gl(f, w).ifPresent(out::add);
      case "title-background" -> titleBackground(f, w, rng, out);
      case "editly-banner" -> {
        Rgba[] c = Palettes.randomGradient(rng);
        out.add(new VisualLayer.LinearGradient(at, w, c[0], c[1]));
        out.add(new VisualLayer.Title(at, w, "Made with\nEDITLY\nmifi.no", Rgba.WHITE, font(f), Position.CENTER, new KenBurns(KenBurns.Direction.IN, 0.2)));
      }
      default -> throw new IllegalStateException("unhandled layer type " + type);
    }
  }

  private void video(Fields f, LayerWindow w, double clipDuration, boolean explicitDuration, List<VisualLayer> out, List<ClipSound> sounds) {
    Optional<Path> path = file(f, "path");
    ResizeMode mode = resizeMode(f);
    OptionalDouble cutFromRaw = f.nonNegative("cutFrom");
    OptionalDouble cutToRaw = f.nonNegative("cutTo");
    VisualLayer.Box box = new VisualLayer.Box(
        f.nonNegative("width").orElse(1), f.nonNegative("height").orElse(1),
        f.number("left", 0), f.number("top", 0),
        originX(f, "originX", OriginX.LEFT), originY(f, "originY", OriginY.TOP));
    double mixVolume = f.numberOrNumericString("mixVolume").orElse(1);
    if (path.isEmpty()) return;
    Optional<MediaInfo> info = media.media(f.pathOf("path"), path.get());
    if (info.isEmpty()) return;
    if (info.get().video().isEmpty()) {
      diag.error(f.pathOf("path"), "has no video stream: " + path.get());
      return;
    }
    MediaInfo.VideoStream vs = info.get().video().get();
    double fileDuration = info.get().duration();
    double[] cut = cut(f, cutFromRaw, cutToRaw, fileDuration);
    if (cut == null) return;
    double speed = explicitDuration ? clipDuration / (cut[1] - cut[0]) : 1;
    out.add(new VisualLayer.Video(f.path(), w, path.get(), mode, cut[0], cut[1], speed, box, vs));
    if (keepSourceAudio && !hasWindow(f) && info.get().audio().isPresent()) {
      sounds.add(new ClipSound(f.path(), path.get(), cut[0], cut[1], speed, mixVolume, true));
    }
  }

  /** Editly clamps cuts to [0, file duration] and asserts cutFrom &lt; cutTo. */
  private double[] cut(Fields f, OptionalDouble cutFromRaw, OptionalDouble cutToRaw, double fileDuration) {
    double cutFrom = Math.min(cutFromRaw.orElse(0), fileDuration);
    double cutTo = Math.min(cutToRaw.orElse(fileDuration), fileDuration);
    if (!(cutFrom < cutTo)) {
      diag.error(f.pathOf("cutFrom"), "cutFrom must be lower than cutTo (cutFrom " + Fields.fmt(cutFrom) + ", cutTo " + Fields.fmt(cutTo)
          + ", file duration " + Fields.fmt(fileDuration) + ")");
      return null;
    }
    return new double[] {cutFrom, cutTo};
  }

  /** Probed duration of the first video layer's cut, for clips without their own duration. */
  OptionalDouble videoCutLength(LayerSpec layer) {
    Fields f = new Fields(layer.props(), layer.at(), new Diagnostics());
    Optional<String> p = f.string("path");
    if (p.isEmpty() || MediaCatalog.isRemote(p.get())) return OptionalDouble.empty();
    Path path = media.resolve(p.get()).orElse(null);
    if (path == null || !Files.isRegularFile(path)) return OptionalDouble.empty();
    Optional<MediaInfo> info = media.media(layer.at() + ".path", path);
    if (info.isEmpty()) return OptionalDouble.empty();
    double d = info.get().duration();
    double from = Math.min(f.nonNegative("cutFrom").orElse(0), d);
    double to = Math.min(f.nonNegative("cutTo").orElse(d), d);
    return to > from ? OptionalDouble.of(to - from) : OptionalDouble.empty();
  }

  private Optional<ClipSound> audio(Fields f, double clipDuration) {
    Optional<Path> path = file(f, "path");
    OptionalDouble cutFromRaw = f.nonNegative("cutFrom");
    OptionalDouble cutToRaw = f.nonNegative("cutTo");
    double mixVolume = f.numberOrNumericString("mixVolume").orElse(1);
    boolean windowed = hasWindow(f);
    if (path.isEmpty()) return Optional.empty();
    Optional<MediaInfo> info = media.media(f.pathOf("path"), path.get());
    if (info.isEmpty()) return Optional.empty();
    if (info.get().audio().isEmpty()) {
      diag.error(f.pathOf("path"), "has no audio stream: " + path.get());
      return Optional.empty();
    }
    double fileDuration = info.get().duration();
    double cutFrom = Math.min(cutFromRaw.orElse(0), fileDuration);
    double cutTo = Math.min(cutToRaw.orElse(cutFrom + clipDuration), fileDuration);
    if (!(cutFrom < cutTo)) {
      diag.error(f.pathOf("cutFrom"), "cutFrom must be lower than cutTo (cutFrom " + Fields.fmt(cutFrom) + ", cutTo " + Fields.fmt(cutTo) + ")");
      return Optional.empty();
    }
    if (windowed) {
      diag.warn(f.path(), "audio of a layer with start/stop is dropped (Editly behaviour); remove start/stop to hear it");
      return Optional.empty();
    }
    return Optional.of(new ClipSound(f.path(), path.get(), cutFrom, cutTo, clipDuration / (cutTo - cutFrom), mixVolume, false));
  }

  private Optional<Detached> detachedAudio(Fields f) {
    Optional<Path> path = file(f, "path");
    double mix = f.numberOrNumericString("mixVolume").orElse(1);
    double cutFrom = f.nonNegative("cutFrom").orElse(0);
    OptionalDouble cutTo = f.nonNegative("cutTo");
    double start = f.number("start").orElse(0);
    f.accept("stop");
    if (start < 0) diag.error(f.pathOf("start"), "Invalid \"start\" " + Fields.fmt(start));
    if (cutTo.isPresent() && cutTo.getAsDouble() <= cutFrom) diag.error(f.pathOf("cutTo"), "must be greater than cutFrom (" + Fields.fmt(cutFrom) + ")");
    if (path.isEmpty()) return Optional.empty();
    media.media(f.pathOf("path"), path.get());
    return Optional.of(new Detached(f.path(), path.get(), mix, cutFrom, cutTo, Math.max(0, start)));
  }

  private Optional<VisualLayer> gl(Fields f, LayerWindow w) {
    double speed = f.number("speed", 1);
    Optional<String> src = f.string("fragmentSrc");
    Optional<String> vertex = f.string("vertexSrc");
    Optional<String> fragmentPath = f.string("fragmentPath");
    Optional<String> vertexPath = f.string("vertexPath");
    Optional<String> fragment = src;
    // As in Editly's glFrameSource, a file given by path replaces the inline source.
    if (fragmentPath.isPresent()) {
      Optional<Path> p = media.file(f.pathOf("fragmentPath"), fragmentPath.get());
      if (p.isEmpty()) return Optional.empty();
      fragment = Optional.of(read(p.get()));
    }
    if (vertexPath.isPresent()) {
      Optional<Path> p = media.file(f.pathOf("vertexPath"), vertexPath.get());
      if (p.isPresent()) vertex = Optional.of(read(p.get()));
    }
    if (fragment.isEmpty()) {
      diag.error(f.pathOf("fragmentPath"), "required: a GLSL fragment shader file (or fragmentSrc)");
      return Optional.empty();
    }
    return Optional.of(new VisualLayer.Shader(f.path(), w, fragment.get(), vertex, speed));
  }

  private void titleBackground(Fields f, LayerWindow w, RandomGenerator rng, List<VisualLayer> out) {
    Optional<String> text = text(f);
    Optional<JObject> bg = f.object("background");
    String at = f.path();
    if (bg.isEmpty()) {
      switch (rng.nextInt(3)) {
        case 0 -> { Rgba[] c = Palettes.randomGradient(rng); out.add(new VisualLayer.RadialGradient(at, w, c[0], c[1])); }
        case 1 -> { Rgba[] c = Palettes.randomGradient(rng); out.add(new VisualLayer.LinearGradient(at, w, c[0], c[1])); }
        default -> out.add(new VisualLayer.FillColor(at, w, Palettes.randomColor(rng)));
      }
    } else {
      Fields b = new Fields(bg.get(), f.pathOf("background"), diag);
      String type = b.string("type").orElse("fill-color");
      switch (type) {
        case "radial-gradient" -> { Rgba[] c = colors(b, rng); out.add(new VisualLayer.RadialGradient(at, w, c[0], c[1])); }
        case "linear-gradient" -> { Rgba[] c = colors(b, rng); out.add(new VisualLayer.LinearGradient(at, w, c[0], c[1])); }
        default -> color(b, "color").ifPresent(c -> out.add(new VisualLayer.FillColor(at, w, c))); // no color → no background (Editly)
      }
    }
    text.ifPresent(t -> out.add(new VisualLayer.Title(at, w, t, color(f, "textColor").orElse(Rgba.WHITE), font(f),
        Position.CENTER, new KenBurns(KenBurns.Direction.IN, 0.2))));
  }

  private Optional<String> text(Fields f) {
    Optional<String> t = f.text("text");
    if (t.isEmpty() || t.get().isEmpty()) {
      diag.error(f.pathOf("text"), "Please specify a text");
      return Optional.empty();
    }
    return t;
  }

  private Optional<Path> file(Fields f, String key) {
    Optional<String> p = f.string(key);
    if (p.isEmpty()) {
      diag.error(f.pathOf(key), "required");
      return Optional.empty();
    }
    return media.file(f.pathOf(key), p.get());
  }

  /** The layer's image file, when it exists and its header is an image's. */
  private Optional<Path> image(Fields f) {
    return file(f, "path").filter(p -> {
      Optional<String> not = FileKind.notImage(p);
      not.ifPresent(why -> diag.error(f.pathOf("path"), why + ": " + p.getFileName()));
      return not.isEmpty();
    });
  }

  private FontRef font(Fields f) {
    Optional<String> fontPath = f.string("fontPath");
    Optional<String> family = f.string("fontFamily");
    if (fontPath.isPresent()) {
      return media.file(f.pathOf("fontPath"), fontPath.get()).filter(p -> {
        Optional<String> not = FileKind.notFont(p);
        not.ifPresent(why -> diag.error(f.pathOf("fontPath"), why + ": " + p.getFileName()));
        return not.isEmpty();
      }).<FontRef>map(FontRef.File::new).orElse(FontRef.DEFAULT);
    }
    return family.<FontRef>map(FontRef.Family::new).orElse(FontRef.DEFAULT);
  }

  private ResizeMode resizeMode(Fields f) {
    Optional<String> m = f.string("resizeMode");
    if (m.isEmpty()) return ResizeMode.CONTAIN_BLUR;
    try {
      return ResizeMode.fromEditly(m.get());
    } catch (IllegalArgumentException e) {
      diag.error(f.pathOf("resizeMode"), "unknown resizeMode \"" + m.get() + "\" (known: contain, contain-blur, cover, stretch)");
      return ResizeMode.CONTAIN_BLUR;
    }
  }

  private KenBurns zoom(Fields f, KenBurns.Direction defaultDirection, double defaultAmount) {
    double amount = f.number("zoomAmount", defaultAmount);
    KenBurns.Direction dir;
    if (f.isNull("zoomDirection")) {
      dir = KenBurns.Direction.NONE;
    } else {
      dir = f.string("zoomDirection").map(s -> switch (s) {
        case "in" -> KenBurns.Direction.IN;
        case "out" -> KenBurns.Direction.OUT;
        case "left" -> KenBurns.Direction.LEFT;
        case "right" -> KenBurns.Direction.RIGHT;
        default -> {
          diag.error(f.pathOf("zoomDirection"), "unknown zoomDirection \"" + s + "\" (known: in, out, left, right, or null)");
          yield KenBurns.Direction.NONE;
        }
      }).orElse(defaultDirection);
    }
    return dir == KenBurns.Direction.NONE ? KenBurns.NONE : new KenBurns(dir, amount);
  }

  private Optional<Rgba> color(Fields f, String key) {
    return f.string(key).flatMap(s -> {
      Optional<Rgba> c = CssColor.parse(s);
      if (c.isEmpty()) diag.error(f.pathOf(key), "not a CSS colour: \"" + s + "\"");
      return c;
    });
  }

  private Rgba[] colors(Fields f, RandomGenerator rng) {
    Optional<JArray> arr = f.array("colors");
    if (arr.isEmpty()) return Palettes.randomGradient(rng);
    List<JsonValue> items = arr.get().items();
    if (items.size() != 2) {
      diag.error(f.pathOf("colors"), "expected two colours but got " + items.size());
      return Palettes.randomGradient(rng);
    }
    Rgba[] out = new Rgba[2];
    for (int i = 0; i < 2; i++) {
      String at = f.pathOf("colors") + "[" + i + "]";
      if (items.get(i) instanceof JString s && CssColor.parse(s.value()).isPresent()) {
        out[i] = CssColor.parse(s.value()).get();
      } else {
        diag.error(at, "not a CSS colour: " + JsonValue.toJson(items.get(i)));
        out[i] = Rgba.BLACK;
      }
    }
    return out;
  }

  private Position position(Fields f, String key) {
    Optional<JsonValue> v = f.raw(key);
    if (v.isEmpty()) return Position.CENTER;
    if (v.get() instanceof JString s) {
      return switch (s.value()) {
        case "center" -> Position.CENTER;
        case "top" -> new Position(0.5, 0.05, OriginX.CENTER, OriginY.TOP);
        case "bottom" -> new Position(0.5, 0.95, OriginX.CENTER, OriginY.BOTTOM);
        case "top-left" -> new Position(0.05, 0.05, OriginX.LEFT, OriginY.TOP);
        case "top-right" -> new Position(0.95, 0.05, OriginX.RIGHT, OriginY.TOP);
        case "center-left" -> new Position(0.05, 0.5, OriginX.LEFT, OriginY.CENTER);
        case "center-right" -> new Position(0.95, 0.5, OriginX.RIGHT, OriginY.CENTER);
        case "bottom-left" -> new Position(0.05, 0.95, OriginX.LEFT, OriginY.BOTTOM);
        case "bottom-right" -> new Position(0.95, 0.95, OriginX.RIGHT, OriginY.BOTTOM);
        default -> {
          diag.error(f.pathOf(key), "unknown position \"" + s.value() + "\" (known: center, top, bottom, top-left, top-right, center-left, center-right, bottom-left, bottom-right, or {x, y, originX, originY})");
          yield Position.CENTER;
        }
      };
    }
    if (v.get() instanceof JObject o) {
      Fields p = new Fields(o, f.pathOf(key), diag);
      OptionalDouble x = p.number("x"), y = p.number("y");
      OriginX ox = x.isPresent() ? originX(p, "originX", OriginX.LEFT) : OriginX.CENTER;
      OriginY oy = y.isPresent() ? originY(p, "originY", OriginY.TOP) : OriginY.CENTER;
      p.warnUnknown();
      return new Position(x.orElse(0.5), y.orElse(0.5), ox, oy);
    }
    diag.error(f.pathOf(key), "expected a position name or {x, y} object but got " + JsonValue.describe(v.get()));
    return Position.CENTER;
  }

  private OriginX originX(Fields f, String key, OriginX fallback) {
    return f.string(key).map(s -> switch (s) {
      case "left" -> OriginX.LEFT;
      case "center" -> OriginX.CENTER;
      case "right" -> OriginX.RIGHT;
      default -> { diag.error(f.pathOf(key), "expected left, center or right but got \"" + s + "\""); yield fallback; }
    }).orElse(fallback);
  }

  private OriginY originY(Fields f, String key, OriginY fallback) {
    return f.string(key).map(s -> switch (s) {
      case "top" -> OriginY.TOP;
      case "center" -> OriginY.CENTER;
      case "bottom" -> OriginY.BOTTOM;
      default -> { diag.error(f.pathOf(key), "expected top, center or bottom but got \"" + s + "\""); yield fallback; }
    }).orElse(fallback);
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String bundledShader(String name) {
    try (InputStream in = LayerResolver.class.getResourceAsStream("/dev/smelter/video/shaders/" + name)) {
      if (in == null) throw new IllegalStateException("missing bundled shader " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
