package dev.smelter.video.spec.transition;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The transition names Editly 0.14.2 accepts (gl-transitions 1.71.0, 125 names, matched
 * case-insensitively) with their declared params and defaults. Only declared params can be set from
 * a spec; {@code burn}'s colour is not declared (Editly renders it with colour 0).
 *
 * <p>Data transcribed from the reference's Appendix A.
 */
public final class TransitionCatalog {
  /** A declared uniform: its default value and whether it is a boolean. */
  public record Param(String name, double[] defaults, boolean bool) {
    public int size() {
      return defaults.length;
    }
  }

  /** One gl-transitions entry under its original spelling. */
  public record Entry(String name, Map<String, Param> params) {}

  private static final Map<String, Entry> BY_LOWER_NAME;

  static {
    Map<String, Entry> m = new LinkedHashMap<>();
    add(m, "AdvancedMosaic", p("pixelSize", false, 50));
    add(m, "BlockDissolve", p("blocksize", false, 0.02));
    add(m, "BookFlip");
    add(m, "Bounce", p("shadow_colour", false, 0, 0, 0, 0.6), p("shadow_height", false, 0.075), p("bounces", false, 3));
    add(m, "BowTieHorizontal");
    add(m, "BowTieVertical");
    add(m, "BowTieWithParameter", p("adjust", false, 0.5), p("reverse", true, 0));
    add(m, "Box", p("rectIn", false, 1), p("location", false, 0));
    add(m, "ButterflyWaveScrawler", p("amplitude", false, 1), p("waves", false, 30), p("colorSeparation", false, 0.3));
    add(m, "CircleCrop", p("bgcolor", false, 0, 0, 0, 1));
    add(m, "ColourDistance", p("power", false, 5));
    add(m, "CrazyParametricFun", p("a", false, 4), p("b", false, 1), p("amplitude", false, 120), p("smoothness", false, 0.1));
    add(m, "CrossZoom", p("strength", false, 0.4));
    add(m, "DefocusBlur", p("blurSize", false, 0.02));
    add(m, "Directional", p("direction", false, 0, 1));
    add(m, "DirectionalScaled", p("direction", false, 0, 1), p("scale", false, 0.7));
    add(m, "DoomScreenTransition", p("bars", false, 30), p("amplitude", false, 2), p("noise", false, 0.1), p("frequency", false, 0.5), p("dripScale", false, 0.5));
    add(m, "Dreamy");
    add(m, "DreamyZoom", p("rotation", false, 6), p("scale", false, 1.2));
    add(m, "Drop_Zone_Flicker", p("frameRate", false, 24), p("rgbOffset", false, 0.014), p("blockAmount", false, 0.72), p("ghostAmount", false, 0.62), p("redCyan", false, 0.58), p("scanline", false, 0.075));
    add(m, "EdgeTransition", p("edge_thickness", false, 0.001), p("edge_brightness", false, 8));
    add(m, "FilmBurn", p("Seed", false, 2.31));
    add(m, "Fold");
    add(m, "GlitchDisplace");
    add(m, "GlitchMemories");
    add(m, "GridFlip", p("size", false, 4, 4), p("pause", false, 0.1), p("dividerWidth", false, 0.05), p("bgcolor", false, 0, 0, 0, 1), p("randomness", false, 0.1));
    add(m, "HSVfade");
    add(m, "HorizontalClose");
    add(m, "HorizontalOpen");
    add(m, "InvertedPageCurl");
    add(m, "LeftRight");
    add(m, "LinearBlur", p("intensity", false, 0.1));
    add(m, "Mosaic", p("endx", false, 2), p("endy", false, -1));
    add(m, "Overexposure", p("strength", false, 0.6));
    add(m, "PolkaDotsCurtain", p("dots", false, 20), p("center", false, 0, 0));
    add(m, "PuzzleRight", p("size", false, 4, 4), p("pause", false, 0.1), p("dividerWidth", false, 0.005));
    add(m, "Radial", p("smoothness", false, 1));
    add(m, "Rectangle", p("bgcolor", false, 0, 0, 0, 1));
    add(m, "RectangleCrop", p("bgcolor", false, 0, 0, 0, 1));
    add(m, "Revolve_Left", p("center", false, 0.46, 0.52), p("direction", false, -1), p("maxRotation", false, 1.95), p("peakZoom", false, 2.22), p("swirl", false, 2.85), p("barrel", false, 0.38), p("motionBlur", false, 1), p("switchStart", false, 0.3), p("switchEnd", false, 0.5), p("shadow", false, 0.16));
    add(m, "Rolls", p("type", false, 0), p("RotDown", true, 0));
    add(m, "RotateScaleVanish", p("FadeInSecond", true, 1), p("ReverseEffect", true, 0), p("ReverseRotation", true, 0));
    add(m, "SimpleFlip");
    add(m, "SimpleZoom", p("zoom_quickness", false, 0.8));
    add(m, "SimpleZoomOut", p("zoom_quickness", false, 0.8), p("fade", true, 1));
    add(m, "Slides", p("type", false, 0), p("In", true, 0));
    add(m, "StarWipe", p("border_thickness", false, 0.01), p("star_rotation", false, 0.75), p("border_color", false, 1, 1, 1, 1), p("star_center", false, 0.5, 0.5));
    add(m, "StaticFade", p("n_noise_pixels", false, 200), p("static_luminosity", false, 0.8));
    add(m, "StereoViewer", p("zoom", false, 0.88), p("corner_radius", false, 0.22));
    add(m, "StripDatamoshGlitch", p("strength", false, 1), p("horizontalBars", false, 42), p("verticalSlits", false, 18), p("tear", false, 0.18), p("chroma", false, 0.032), p("residue", false, 0.62), p("noiseAmount", false, 0.16), p("scanAmount", false, 0.13), p("flashAmount", false, 0.2));
    add(m, "Swirl");
    add(m, "TVStatic", p("offset", false, 0.05));
    add(m, "TilesWave", p("tileCount", false, 8, 8), p("flipX", true, 1), p("flipY", true, 0));
    add(m, "TopBottom");
    add(m, "VerticalClose");
    add(m, "VerticalOpen");
    add(m, "WaterDrop", p("amplitude", false, 30), p("speed", false, 30));
    add(m, "ZoomInCircles");
    add(m, "ZoomLeftWipe", p("zoom_quickness", false, 0.8));
    add(m, "ZoomRigthWipe", p("zoom_quickness", false, 0.8));
    add(m, "angular", p("startingAngle", false, 90));
    add(m, "burn");
    add(m, "burn0", p("burnColor", false, 1, 0.5, 0));
    add(m, "cannabisleaf");
    add(m, "chessboard", p("grid_num", false, 10));
    add(m, "circle", p("center", false, 0.5, 0.5), p("backColor", false, 0.1, 0.1, 0.1));
    add(m, "circleopen", p("smoothness", false, 0.3), p("opening", true, 1));
    add(m, "colorphase", p("fromStep", false, 0, 0.2, 0.4, 0), p("toStep", false, 0.6, 0.8, 1, 1));
    add(m, "coord-from-in");
    add(m, "crosshatch", p("center", false, 0.5, 0.5), p("threshold", false, 3), p("fadeEdge", false, 0.1));
    add(m, "crosswarp");
    add(m, "cube", p("persp", false, 0.7), p("unzoom", false, 0.3), p("reflection", false, 0.4), p("floating", false, 3));
    add(m, "directional-easing", p("direction", false, 0, 1));
    add(m, "directionalwarp", p("smoothness", false, 0.1), p("direction", false, -1, 1));
    add(m, "directionalwipe", p("direction", false, 1, -1), p("smoothness", false, 0.5));
    add(m, "displacement", p("strength", false, 0.5));
    add(m, "dissolve", p("uLineWidth", false, 0.1), p("uSpreadClr", false, 1, 0, 0), p("uHotClr", false, 0.9, 0.9, 0.2), p("uPow", false, 5), p("uIntensity", false, 1));
    add(m, "doorway", p("reflection", false, 0.4), p("perspective", false, 0.4), p("depth", false, 3));
    add(m, "fade");
    add(m, "fadecolor", p("color", false, 0, 0, 0), p("colorPhase", false, 0.4));
    add(m, "fadegrayscale", p("intensity", false, 0.3));
    add(m, "flyeye", p("size", false, 0.04), p("zoom", false, 50), p("colorSeparation", false, 0.3));
    add(m, "fragment");
    add(m, "heart");
    add(m, "hexagonalize", p("steps", false, 50), p("horizontalHexagons", false, 20));
    add(m, "kaleidoscope", p("speed", false, 1), p("angle", false, 1), p("power", false, 1.5));
    add(m, "luma");
    add(m, "luminance_melt", p("direction", true, 0), p("l_threshold", false, 0.8), p("above", true, 0));
    add(m, "morph", p("strength", false, 0.1));
    add(m, "mosaic_transition", p("mosaicNum", false, 10));
    add(m, "multiply_blend");
    add(m, "old_tv_lost_signal");
    add(m, "parametric_glitch", p("ampx", false, 1), p("ampy", false, 1));
    add(m, "perlin", p("scale", false, 4), p("smoothness", false, 0.01), p("seed", false, 12.9898));
    add(m, "pinwheel", p("speed", false, 2));
    add(m, "pixelize", p("squaresMin", false, 20, 20), p("steps", false, 50));
    add(m, "polar_function", p("segments", false, 5));
    add(m, "powerKaleido", p("scale", false, 2), p("z", false, 1.5), p("speed", false, 5));
    add(m, "randomNoisex");
    add(m, "randomsquares", p("size", false, 10, 10), p("smoothness", false, 0.5));
    add(m, "ripple", p("amplitude", false, 100), p("speed", false, 50));
    add(m, "rotateTransition");
    add(m, "rotate_scale_fade", p("center", false, 0.5, 0.5), p("rotations", false, 1), p("scale", false, 8), p("backColor", false, 0.15, 0.15, 0.15, 1));
    add(m, "scale-in");
    add(m, "splitSlideInHorizontal", p("reverse", true, 0));
    add(m, "splitSlideInOutHorizontal", p("reverse", true, 0));
    add(m, "splitSlideInOutVertical", p("reverse", true, 0));
    add(m, "splitSlideInVertical", p("reverse", true, 0));
    add(m, "splitSlideOutHorizontal", p("reverse", true, 0));
    add(m, "splitSlideOutVertical", p("reverse", true, 0));
    add(m, "squareswire", p("squares", false, 10, 10), p("direction", false, 1, -0.5), p("smoothness", false, 1.6));
    add(m, "squeeze", p("colorSeparation", false, 0.04));
    add(m, "static_wipe", p("u_transitionUpToDown", true, 1), p("u_max_static_span", false, 0.5));
    add(m, "swap", p("reflection", false, 0.4), p("perspective", false, 0.2), p("depth", false, 3));
    add(m, "tangentMotionBlur");
    add(m, "undulatingBurnOut", p("smoothness", false, 0.03), p("center", false, 0.5, 0.5), p("color", false, 0, 0, 0));
    add(m, "wind", p("size", false, 0.2), p("reversed", true, 0));
    add(m, "windowblinds");
    add(m, "windowslice", p("count", false, 10), p("smoothness", false, 0.5));
    add(m, "wipeDown");
    add(m, "wipeLeft");
    add(m, "wipeRight");
    add(m, "wipeUp");
    add(m, "x_axis_translation");
    add(m, "zoomInOut");
    BY_LOWER_NAME = Collections.unmodifiableMap(m);
  }

  private TransitionCatalog() {}

  private static void add(Map<String, Entry> m, String name, Param... params) {
    Map<String, Param> ps = new LinkedHashMap<>();
    for (Param p : params) ps.put(p.name(), p);
    m.put(name.toLowerCase(Locale.ROOT), new Entry(name, Collections.unmodifiableMap(ps)));
  }

  private static Param p(String name, boolean bool, double... defaults) {
    return new Param(name, defaults, bool);
  }

  /** Case-insensitive lookup, as Editly does. */
  public static Optional<Entry> find(String name) {
    return Optional.ofNullable(BY_LOWER_NAME.get(name.toLowerCase(Locale.ROOT)));
  }

  /** Every entry keyed by lower-case name, in the package's order. */
  public static Map<String, Entry> all() {
    return BY_LOWER_NAME;
  }
}
