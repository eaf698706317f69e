package dev.smelter.video.spec;

import dev.smelter.video.plan.AudioPlan;
import dev.smelter.video.plan.ClipPlan;
import dev.smelter.video.plan.MediaInfo;
import dev.smelter.video.plan.MediaProbe;
import dev.smelter.video.plan.OutputSpec;
import dev.smelter.video.plan.Rational;
import dev.smelter.video.plan.RenderPlan;
import dev.smelter.video.plan.TransitionPlan;
import dev.smelter.video.plan.VisualLayer;
import dev.smelter.video.spec.EditSpec.ClipSpec;
import dev.smelter.video.spec.EditSpec.ClipTransition;
import dev.smelter.video.spec.EditSpec.LayerSpec;
import dev.smelter.video.spec.EditSpec.TransitionSpec;
import dev.smelter.video.spec.json.JsonValue;
import dev.smelter.video.spec.transition.TransitionResolver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Turns a spec into a frame-exact {@link RenderPlan}, reproducing Editly 0.14.2's rules (size and
 * fps, clip durations, transitions and their clamping, the timeline, audio; docs/compatibility.md).
 * Every problem is collected and thrown together as a {@link SpecException} before any pixel is
 * drawn.
 */
public final class Planner {
  private final PlanOptions options;
  private final MediaProbe probe;

  public Planner(PlanOptions options, MediaProbe probe) {
    this.options = options;
    this.probe = probe;
  }

  /** Parses, validates and plans JSON5 text. */
  public RenderPlan plan(String specText) throws SpecException {
    return plan(SpecReader.parse(specText));
  }

  public RenderPlan plan(JsonValue root) throws SpecException {
    Diagnostics diag = new Diagnostics();
    EditSpec spec = new SpecReader(diag).read(root);
    if (spec == null) diag.throwIfErrors();
    return plan(spec, diag);
  }

  public RenderPlan plan(EditSpec spec, Diagnostics diag) throws SpecException {
    long seed = options.seed().orElseGet(() -> new SplittableRandom().nextLong() & 0xFFFF_FFFFFFFFL);
    MediaCatalog media = new MediaCatalog(options.baseDir(), spec.allowRemoteRequests(), options.remoteMedia(), probe, diag);
    LayerResolver layers = new LayerResolver(media, diag, spec.keepSourceAudio());
    List<ClipSpec> clips = spec.clips();
    SpecLimits limits = options.limits();
    checkCounts(spec, limits, diag);

    // 1. Clip durations: own (truthy) duration, else the first video's cut length, else defaults.
    double[] durations = new double[clips.size()];
    boolean[] explicit = new boolean[clips.size()];
    for (int i = 0; i < clips.size(); i++) {
      ClipSpec c = clips.get(i);
      explicit[i] = c.duration().isPresent() && c.duration().getAsDouble() > 0;
      if (explicit[i]) {
        durations[i] = c.duration().getAsDouble();
      } else {
        OptionalDouble videoLength = c.layers().stream().filter(l -> l.type().equals("video")).findFirst()
            .map(layers::videoCutLength).orElse(OptionalDouble.empty());
        durations[i] = videoLength.orElse(spec.defaults().duration().orElse(0) > 0 ? spec.defaults().duration().getAsDouble() : 4);
      }
      if (durations[i] > limits.durationSeconds()) {
        diag.error(c.at() + (explicit[i] ? ".duration" : ""), Fields.fmt(durations[i]) + " s is over the limit of "
            + Fields.fmt(limits.durationSeconds()) + " s");
        durations[i] = 4; // planning goes on to find the other problems; the error stops the render
      }
    }

    // 2. Output file, size and frame rate.
    Path outPath = options.defaultOutPath().normalize();
    if (spec.outPath().isPresent()) {
      String asked = spec.outPath().get();
      Optional<Path> resolved = asked.isBlank() || asked.indexOf('\0') >= 0 ? Optional.empty() : validPath(options.baseDir(), asked);
      if (resolved.isEmpty() || resolved.get().getFileName() == null) {
        diag.error("outPath", "not a valid file path: " + MediaCatalog.printable(asked));
      } else {
        outPath = resolved.get();
      }
    }
    boolean gif = outPath.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gif");
    Optional<MediaInfo.VideoStream> firstVideo = firstVideo(spec, media);
    int[] size = OutputSize.of(spec, firstVideo, gif, diag);
    Rational fps = frameRate(spec, firstVideo, gif, limits, diag);
    double fpsValue = fps.value();
    if (size[0] > limits.width()) diag.error("width", "wider than the limit of " + limits.width());
    if (size[1] > limits.height()) diag.error("height", "taller than the limit of " + limits.height());

    // 3. Frames per clip.
    int[] frames = new int[clips.size()];
    for (int i = 0; i < clips.size(); i++) {
      // Within the limits a clip has at most durationSeconds × fps frames; without them, still an int.
      frames[i] = (int) Math.min(Integer.MAX_VALUE / 4, Math.round(durations[i] * fpsValue));
      if (frames[i] < 1 && !clips.get(i).layers().isEmpty()) {
        diag.error(clips.get(i).at() + ".duration", "too short: " + Fields.fmt(durations[i]) + " s is less than one frame at " + fps + " fps");
      }
    }

    // 4. Transitions, clamped to half of both neighbours (seconds, then frames).
    RandomGenerator transitionRng = Seeds.stream(seed, "transitions");
    TransitionResolver resolver = new TransitionResolver(diag);
    List<TransitionPlan> transitions = new ArrayList<>();
    for (int i = 0; i < clips.size() - 1; i++) {
      Optional<TransitionSpec> ts = switch (clips.get(i).transition()) {
        case ClipTransition.Inherit inherit -> spec.defaults().transition();
        case ClipTransition.HardCut cut -> Optional.empty();
        case ClipTransition.Given given -> Optional.of(given.spec());
      };
      Optional<TransitionResolver.Resolved> r = ts.flatMap(t -> resolver.resolve(t, transitionRng));
      if (r.isEmpty()) {
        transitions.add(TransitionPlan.none(i));
        continue;
      }
      double t = Math.min(Math.min(durations[i] / 2, durations[i + 1] / 2), r.get().duration());
      int tf = (int) Math.floor(Math.min(Math.min(frames[i], frames[i + 1]) / 2.0, Math.round(t * fpsValue)));
      TransitionResolver.Resolved res = r.get();
      transitions.add(new TransitionPlan(i, res.name(), res.requestedName(), t, tf, res.easing(), res.params(), res.outCurve(), res.inCurve()));
    }

    // 5. Timeline positions and layers.
    List<ClipPlan> clipPlans = new ArrayList<>();
    List<LayerResolver.Resolved> resolvedLayers = new ArrayList<>();
    int firstOutputFrame = 0;
    double startTime = 0;
    int totalFrames = 0;
    long longFrames = 0; // the check below must not be fooled by an int that wrapped
    for (int i = 0; i < clips.size(); i++) {
      ClipSpec c = clips.get(i);
      LayerResolver.Resolved r = layers.resolve(c.layers(), durations[i], explicit[i], Seeds.stream(seed, c.at()));
      resolvedLayers.add(r);
      int incoming = i == 0 ? 0 : transitions.get(i - 1).frames();
      clipPlans.add(new ClipPlan(i, c.at(), durations[i], Math.max(frames[i], 1), firstOutputFrame, startTime, r.visuals()));
      firstOutputFrame += frames[i] - incoming;
      totalFrames += frames[i] - (i < clips.size() - 1 ? transitions.get(i).frames() : 0);
      longFrames += frames[i] - (i < clips.size() - 1 ? transitions.get(i).frames() : 0);
      startTime += durations[i] - (i < clips.size() - 1 ? transitions.get(i).duration() : 0);
    }

    // 6. Audio, encoding.
    List<String> warnings = new ArrayList<>();
    Optional<AudioPlan> audio = gif ? Optional.empty()
        : new AudioPlanner(spec, options.audioTiming(), media, diag, warnings).silentTrack(options.silentAudioTrack()).plan(clipPlans, transitions, resolvedLayers);
    OutputSpec.EncodeSettings encode = EncodeSettingsResolver.resolve(spec, options.serverOutputArgs(), diag);
    if (size[0] % 2 != 0 || size[1] % 2 != 0) {
      if (!gif) diag.error(spec.width().isPresent() ? "width" : "height",
          "output size " + size[0] + "×" + size[1] + " must be even for H.264 yuv420p (Editly would crash mid-render)");
    }
    if (longFrames > Math.min(limits.frames(), Integer.MAX_VALUE)) {
      diag.error("clips", longFrames + " frames exceed the limit of " + Math.min(limits.frames(), Integer.MAX_VALUE));
    }
    double seconds = longFrames / fpsValue;
    if (seconds > limits.durationSeconds()) {
      diag.error("clips", "the video would last " + Math.round(seconds) + " s, over the limit of " + Math.round(limits.durationSeconds()) + " s");
    }
    diag.throwIfErrors();
    diag.warnings().forEach(w -> warnings.add(0, w.toString()));
    OutputSpec output = new OutputSpec(outPath, gif ? OutputSpec.Format.GIF : OutputSpec.Format.MP4, size[0], size[1], fps, encode);
    return new RenderPlan(output, clipPlans, transitions, audio, seed, totalFrames, warnings);
  }

  private static Optional<Path> validPath(Path base, String path) {
    try {
      return Optional.of(base.resolve(path).normalize());
    } catch (java.nio.file.InvalidPathException e) {
      return Optional.empty();
    }
  }

  /** Lowest frame rate: below it a frame lasts over 100 s and the rate has no exact fraction in the plan. */
  static final double MIN_FPS = 0.01;

  /** The output frame rate, within the limits (25 fps stands in for an out-of-range one, to find the other problems). */
  private static Rational frameRate(EditSpec spec, Optional<MediaInfo.VideoStream> firstVideo, boolean gif, SpecLimits limits,
      Diagnostics diag) {
    if (spec.fps().isPresent() && !spec.fast()) {
      double asked = spec.fps().getAsDouble();
      if (asked > limits.fps()) {
        diag.error("fps", "must be at most " + Fields.fmt(limits.fps()) + " (got " + Fields.fmt(asked) + ")");
        return new Rational(25, 1);
      }
      if (asked < MIN_FPS) {
        diag.error("fps", "must be at least " + MIN_FPS + " (got " + Fields.fmt(asked) + ")");
        return new Rational(25, 1);
      }
    }
    Rational fps = OutputSize.fps(spec, firstVideo, gif);
    if (fps.value() > limits.fps()) {
      // the first video's own rate, adopted by a spec without fps
      diag.error("fps", "the first video's " + fps + " fps is over the limit of " + Fields.fmt(limits.fps()) + "; set fps");
      return new Rational(25, 1);
    }
    return fps;
  }

  /** Clip and layer counts and text lengths: bounded before any of them is worked on. */
  private static void checkCounts(EditSpec spec, SpecLimits limits, Diagnostics diag) {
    if (spec.clips().size() > limits.clips()) {
      diag.error("clips", "too many clips (" + spec.clips().size() + " > limit " + limits.clips() + ")");
    }
    for (ClipSpec c : spec.clips()) {
      if (c.layers().size() > limits.layers()) {
        diag.error(c.at() + ".layers", "too many layers (" + c.layers().size() + " > limit " + limits.layers() + ")");
      }
      for (LayerSpec l : c.layers()) {
        if (l.props().get("text") instanceof JsonValue.JString t && t.value().length() > limits.textLength()) {
          diag.error(l.at() + ".text", "text of " + t.value().length() + " characters is over the limit of " + limits.textLength());
        }
      }
    }
  }

  private static Optional<MediaInfo.VideoStream> firstVideo(EditSpec spec, MediaCatalog media) {
    for (ClipSpec c : spec.clips()) {
      for (LayerSpec l : c.layers()) {
        if (!l.type().equals("video")) continue;
        if (!(l.props().get("path") instanceof JsonValue.JString p) || MediaCatalog.isRemote(p.value())) return Optional.empty();
        Path path = media.resolve(p.value()).orElse(null);
        if (path == null || !java.nio.file.Files.isRegularFile(path)) return Optional.empty();
        return media.media(l.at() + ".path", path).flatMap(MediaInfo::video);
      }
    }
    return Optional.empty();
  }
}
