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
 * fps §2.3, clip durations §2.5, transitions and clamping §2.12, timeline §2.13, audio §2.14).
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
    }

    // 2. Output file, size and frame rate.
    Path outPath = spec.outPath().map(options.baseDir()::resolve).orElse(options.defaultOutPath()).normalize();
    boolean gif = outPath.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gif");
    Optional<MediaInfo.VideoStream> firstVideo = firstVideo(spec, media);
    int[] size = OutputSize.of(spec, firstVideo, gif, diag);
    Rational fps = OutputSize.fps(spec, firstVideo, gif);
    double fpsValue = fps.value();

    // 3. Frames per clip.
    int[] frames = new int[clips.size()];
    for (int i = 0; i < clips.size(); i++) {
      frames[i] = (int) Math.round(durations[i] * fpsValue);
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
    for (int i = 0; i < clips.size(); i++) {
      ClipSpec c = clips.get(i);
      LayerResolver.Resolved r = layers.resolve(c.layers(), durations[i], explicit[i], Seeds.stream(seed, c.at()));
      resolvedLayers.add(r);
      int incoming = i == 0 ? 0 : transitions.get(i - 1).frames();
      clipPlans.add(new ClipPlan(i, c.at(), durations[i], Math.max(frames[i], 1), firstOutputFrame, startTime, r.visuals()));
      firstOutputFrame += frames[i] - incoming;
      totalFrames += frames[i] - (i < clips.size() - 1 ? transitions.get(i).frames() : 0);
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
    diag.throwIfErrors();
    diag.warnings().forEach(w -> warnings.add(0, w.toString()));
    OutputSpec output = new OutputSpec(outPath, gif ? OutputSpec.Format.GIF : OutputSpec.Format.MP4, size[0], size[1], fps, encode);
    return new RenderPlan(output, clipPlans, transitions, audio, seed, totalFrames, warnings);
  }

  private static Optional<MediaInfo.VideoStream> firstVideo(EditSpec spec, MediaCatalog media) {
    for (ClipSpec c : spec.clips()) {
      for (LayerSpec l : c.layers()) {
        if (!l.type().equals("video")) continue;
        if (!(l.props().get("path") instanceof JsonValue.JString p) || MediaCatalog.isRemote(p.value())) return Optional.empty();
        Path path = media.resolve(p.value());
        if (!java.nio.file.Files.isRegularFile(path)) return Optional.empty();
        return media.media(l.at() + ".path", path).flatMap(MediaInfo::video);
      }
    }
    return Optional.empty();
  }
}
