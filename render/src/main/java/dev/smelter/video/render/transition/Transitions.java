package dev.smelter.video.render.transition;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The transitions the Skia compositor can draw, by gl-transitions name (case-insensitive): all 125
 * names of gl-transitions 1.71.0 that Editly 0.14.2 accepts, plus {@code dummy}. Editly's
 * {@code directional-left/right/up/down} arrive here already resolved by the planner to
 * {@code directional} with a {@code direction} param. Each instance is stateless and shared.
 */
public final class Transitions {
  private static final Map<String, Transition> BY_NAME = index(
      new Fade(), new FadeGrayscale(), new DirectionalWarp(), new CrossWarp(), new DreamyZoom(), new Burn(),
      new CrossZoom(), new SimpleZoom(), new LinearBlur(), new Directional(), new Dummy(),
      new AdvancedMosaic(), new BlockDissolve(), new BookFlip(), new Bounce(), new BowTieWithParameter(),
      new Box(), new CircleCrop(), new ColourDistance(), new CrazyParametricFun(), new DefocusBlur(),
      new DirectionalScaled(), new DoomScreenTransition(), new Dreamy(), new Fold(), new GlitchMemories(),
      new GridFlip(), new HsvFade(), new HorizontalClose(), new HorizontalOpen(), new LeftRight(),
      new Mosaic(), new Overexposure(), new PolkaDotsCurtain(), new PuzzleRight(), new Radial(),
      new Rectangle(), new RectangleCrop(), new Rolls(), new RotateScaleVanish(), new SimpleFlip(),
      new SimpleZoomOut(), new Slides(), new StarWipe(), new Swirl(), new TvStatic(), new TilesWave(),
      new TopBottom(), new VerticalClose(), new VerticalOpen(), new WaterDrop(), new ZoomInCircles(),
      new ZoomLeftWipe(), new ZoomRightWipe(), new Angular(), new BurnToColour(), new Cannabisleaf(),
      new Chessboard(), new Circle(), new Circleopen(), new Colorphase(), new CoordFromIn(),
      new Crosshatch(), new DirectionalEasing(), new Directionalwipe(), new Displacement(), new Dissolve(),
      new Doorway(), new Fadecolor(), new Flyeye(), new Heart(), new Hexagonalize(), new Kaleidoscope(),
      new Luma(), new Morph(), new MosaicTransition(), new MultiplyBlend(), new OldTvLostSignal(),
      new ParametricGlitch(), new Perlin(), new Pinwheel(), new Pixelize(), new PolarFunction(),
      new RandomNoisex(), new Randomsquares(), new Ripple(), new RotateTransition(), new RotateScaleFade(),
      new ScaleIn(), new SplitSlideInHorizontal(), new SplitSlideInOutHorizontal(),
      new SplitSlideInOutVertical(), new SplitSlideInVertical(), new SplitSlideOutHorizontal(),
      new SplitSlideOutVertical(), new Squareswire(), new Squeeze(), new StaticWipe(), new Swap(),
      new UndulatingBurnOut(), new Wind(), new Windowblinds(), new Windowslice(), new WipeDown(),
      new WipeLeft(), new WipeRight(), new WipeUp(), new XAxisTranslation(), new ZoomInOut(), new Cube(),
      new BowTieHorizontal(), new BowTieVertical(), new ButterflyWaveScrawler(), new EdgeTransition(),
      new GlitchDisplace(), new StaticFade(), new LuminanceMelt(), new TangentMotionBlur(),
      new RevolveLeft(), new PowerKaleido(), new StereoViewer(), new DropZoneFlicker(),
      new StripDatamoshGlitch(), new InvertedPageCurl(), new FilmBurn(), new Fragment());

  private Transitions() {}

  /** The transition called {@code name} in any letter case, or empty when it is not implemented. */
  public static Optional<Transition> find(String name) {
    return Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT)));
  }

  /**
   * @throws IllegalArgumentException naming the supported transitions when {@code name} is unknown
   */
  public static Transition byName(String name) {
    return find(name).orElseThrow(() -> new IllegalArgumentException(
        "transition '" + name + "' is not supported by the Skia compositor; supported: " + String.join(", ", names())));
  }

  /** Supported names, lower case, sorted. */
  public static Set<String> names() {
    return BY_NAME.keySet();
  }

  private static Map<String, Transition> index(Transition... transitions) {
    Map<String, Transition> byName = new TreeMap<>();
    Stream.of(transitions).forEach(t -> byName.put(t.name(), t));
    return java.util.Collections.unmodifiableMap(byName);
  }
}
