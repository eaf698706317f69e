package dev.smelter.video.render.audio;

import static dev.smelter.video.render.audio.OptionText.number;
import static dev.smelter.video.render.audio.OptionText.seconds;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_DBL;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S32;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_U8;
import static org.bytedeco.ffmpeg.global.avutil.av_get_sample_fmt_name;

import dev.smelter.video.plan.AudioPlan.ClipAudio;
import dev.smelter.video.plan.AudioPlan.Source;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds one clip's bed, what Editly's per-clip commands write to {@code clip<i>-audio.flac}:
 * silence, one source, or several sources mixed, always 48 kHz s32.
 */
final class ClipBeds {
  /** Rate of Editly's per-clip FLAC files. */
  static final int SAMPLE_RATE = 48_000;
  /** Editly's silence is {@code anullsrc=channel_layout=stereo}. */
  private static final String SILENCE_LAYOUT = "stereo";
  /** atempo's accepted factor range. */
  private static final double MIN_TEMPO = 0.5;
  private static final double MAX_TEMPO = 100;
  /** Editly retimes only when the speed factor (1/tempo) differs from 1 by more than this. */
  private static final double SPEED_TOLERANCE = 0.01;

  private final AudioInputs inputs;

  ClipBeds(AudioInputs inputs) {
    this.inputs = inputs;
  }

  /**
   * The bed's format: 48 kHz s32 in its first source's layout (ffmpeg 5.1 gives Editly's clip
   * amix the first input's layout), stereo for silence.
   */
  DecodedFormat formatOf(ClipAudio clip) throws IOException {
    if (clip.sources().isEmpty()) {
      return new DecodedFormat(SAMPLE_RATE, AV_SAMPLE_FMT_S32, SILENCE_LAYOUT, 2);
    }
    Source first = clip.sources().getFirst();
    DecodedFormat source = inputs.probe(first.at(), first.path());
    return new DecodedFormat(SAMPLE_RATE, AV_SAMPLE_FMT_S32, source.channelLayout(), source.channels());
  }

  /**
   * Adds the bed of {@code clip} to {@code graph}, exactly {@code clip.duration()} long, in
   * {@link #formatOf its format}; file inputs are appended to {@code feeds}.
   */
  Branch bed(AudioFilterGraph graph, List<SourceFeed> feeds, ClipAudio clip) throws IOException {
    String duration = seconds(clip.duration());
    Branch mixed;
    if (clip.sources().isEmpty()) {
      // anullsrc at 48 kHz directly: Editly resamples 44.1 kHz zeros, which are zeros at any rate.
      var silence =
          graph.add("anullsrc", "sample_rate", Integer.toString(SAMPLE_RATE), "channel_layout", SILENCE_LAYOUT);
      mixed = new Branch(graph.chain(silence, "atrim", "duration", duration), SAMPLE_RATE, SILENCE_LAYOUT)
          .asEditlyFile(graph);
    } else if (clip.sources().size() == 1) {
      // A single source is used as is: its mixVolume has no effect, as in Editly.
      mixed = voice(graph, feeds, clip.sources().getFirst());
    } else {
      List<Branch> voices = new ArrayList<>();
      for (Source source : clip.sources()) {
        voices.add(voice(graph, feeds, source));
      }
      Branch first = voices.getFirst();
      var mix =
          graph.join(
              voices.stream().map(v -> v.conformedTo(graph, first.sampleRate(), first.layout()).node()).toList(),
              "amix",
              "inputs", Integer.toString(voices.size()),
              "duration", "longest",
              "weights", clip.sources().stream().map(s -> number(s.mixVolume())).collect(Collectors.joining(" ")));
      mixed = new Branch(mix, first.sampleRate(), first.layout()).asEditlyFile(graph);
    }
    // Editly's bed simply ends with its audio (atempo's tail ends a few ms early; a short file
    // ends it sooner) and so shifts every later clip; padding keeps the audio in step with video.
    var padded = graph.chain(mixed.node(), "apad", "whole_dur", duration);
    return new Branch(graph.chain(padded, "atrim", "duration", duration), mixed.sampleRate(), mixed.layout());
  }

  /**
   * One source as Editly's per-layer command renders it: input {@code -ss cutFrom}, atempo,
   * 48 kHz, output {@code -t (cutTo−cutFrom)/tempo}, s32 in the source's own layout.
   */
  private Branch voice(AudioFilterGraph graph, List<SourceFeed> feeds, Source source) throws IOException {
    DecodedFormat format = inputs.probe(source.at(), source.path());
    SourceFeed feed =
        SourceFeed.add(graph, source.at() + " (" + source.path() + ")", format,
            () -> inputs.open(source.at(), source.path(), source.cutFrom(), false));
    feeds.add(feed);
    var node = feed.branch().node();
    if (source.cutFrom() > 0) {
      node = graph.chain(node, "atrim", "start", seconds(source.cutFrom()));
    }
    node = graph.chain(node, "asetpts", "expr", "PTS-STARTPTS");
    if (Math.abs(1 / source.tempo() - 1) > SPEED_TOLERANCE) {
      node = graph.chain(node, "aformat", atempoFormat(format));
      for (double factor : tempoSteps(source.tempo())) {
        node = graph.chain(node, "atempo", "tempo", number(factor));
      }
    }
    node = graph.chain(node, "aresample", "sample_rate", Integer.toString(SAMPLE_RATE));
    node = graph.chain(node, "atrim", "duration", seconds((source.cutTo() - source.cutFrom()) / source.tempo()));
    return new Branch(node, SAMPLE_RATE, format.channelLayout()).asEditlyFile(graph);
  }

  /**
   * Where ffmpeg 5.1 runs Editly's atempo (its samples differ with format and rate). atempo takes
   * packed formats only: a packed source is retimed as decoded and resampled afterwards; planar
   * input (MP3, AAC) is first converted to the output's s32 at 48 kHz, then retimed.
   */
  private static String[] atempoFormat(DecodedFormat format) {
    int sampleFormat = format.sampleFormat();
    boolean packed =
        sampleFormat == AV_SAMPLE_FMT_U8
            || sampleFormat == AV_SAMPLE_FMT_S16
            || sampleFormat == AV_SAMPLE_FMT_S32
            || sampleFormat == AV_SAMPLE_FMT_FLT
            || sampleFormat == AV_SAMPLE_FMT_DBL;
    return packed
        ? new String[] {
          "sample_fmts", av_get_sample_fmt_name(sampleFormat).getString(),
          "sample_rates", Integer.toString(format.sampleRate())
        }
        : new String[] {"sample_fmts", "s32", "sample_rates", Integer.toString(SAMPLE_RATE)};
  }

  /**
   * atempo factors whose product is {@code tempo}, each inside atempo's range (the planner
   * normally drops tempos outside it; chaining keeps extreme values working anyway).
   */
  static List<Double> tempoSteps(double tempo) {
    if (!(tempo > 0) || Double.isInfinite(tempo)) {
      throw new IllegalArgumentException("invalid tempo " + tempo);
    }
    int steps = 1;
    if (tempo < MIN_TEMPO) {
      steps = (int) Math.ceil(Math.log(tempo) / Math.log(MIN_TEMPO) - 1e-9);
    } else if (tempo > MAX_TEMPO) {
      steps = (int) Math.ceil(Math.log(tempo) / Math.log(MAX_TEMPO) - 1e-9);
    }
    double factor = Math.pow(tempo, 1.0 / steps);
    List<Double> factors = new ArrayList<>();
    for (int i = 0; i < steps; i++) {
      factors.add(factor);
    }
    return factors;
  }
}
