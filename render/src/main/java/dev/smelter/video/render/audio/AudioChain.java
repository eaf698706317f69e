package dev.smelter.video.render.audio;

import static dev.smelter.video.render.audio.OptionText.number;
import static dev.smelter.video.render.audio.OptionText.seconds;

import dev.smelter.video.plan.AudioPlan;
import dev.smelter.video.plan.AudioPlan.ClipAudio;
import dev.smelter.video.plan.AudioPlan.Normalization;
import dev.smelter.video.plan.AudioPlan.Source;
import dev.smelter.video.plan.AudioPlan.Track;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Editly 0.14.2's audio chain ({@code audio.js}) run in-process with libavfilter, streamed.
 *
 * <p>Editly runs one ffmpeg command per step and hands FLAC files (s32) between them. Here the
 * same filters run in graphs that are pulled as the encoder needs samples:
 *
 * <ol>
 *   <li>a bed per clip of exactly its duration: {@code anullsrc} silence (stereo), or each source
 *       seeked to cutFrom, retimed ({@code atempo}, when the speed differs by more than 1 %), cut
 *       to {@code (cutTo−cutFrom)/tempo} (Editly's {@code -t}) and resampled to 48 kHz; several
 *       sources mixed with {@code amix=duration=longest:weights=…}; then padded/cut to the clip
 *       ({@link ClipBeds});
 *   <li>the beds joined by {@code acrossfade=d=max(0.0001,t):c1:c2} at every boundary; each
 *       overlap shortens the timeline to {@code Σd − Σt} ({@link BedTimeline});
 *   <li>with arbitrary tracks: {@code [bed, tracks…]} through
 *       {@code amix=duration=first:dropout_transition=0:weights=clipsAudioVolume,…}, whose
 *       normalisation makes music next to the bed ≈ 6 dB quieter, then optional
 *       {@code dynaudnorm} and {@code volume}. Without tracks the joined beds are the output and
 *       the volume knobs do nothing, as in Editly.
 * </ol>
 *
 * <p>Output rate and layout are those of Editly 0.14.2 on its ffmpeg 5.1 (measured with Debian's
 * 5.1.9 running Editly's own command lines); FFmpeg 8.1 negotiates differently, so the graphs pin
 * them explicitly:
 *
 * <ul>
 *   <li>no tracks: 48 kHz in the first clip's bed layout: its first source's (mono narration →
 *       mono), stereo for a silent first clip; later beds are up/down-mixed to it;
 *   <li>with tracks: the first track whose decoder yields float samples (MP3, AAC, Opus, Vorbis)
 *       sets rate and layout (a 44.1 kHz stereo MP3 → 44.1 kHz stereo, even next to a mono bed);
 *       if none does (WAV, FLAC) the bed's 48 kHz and layout win.
 * </ul>
 *
 * Samples are float interleaved; intermediates are s32, so peaks beyond full scale clip where
 * Editly's FLAC files clip them.
 */
public final class AudioChain {
  private AudioChain() {}

  /**
   * Builds the chain for {@code plan} and returns its output as a stream the encoder pulls.
   * Every input file is probed here, so a missing or unreadable file fails now, with the spec's
   * JSON path ({@code Source.at}/{@code Track.at}) in the message.
   *
   * @throws IOException when an input cannot be read or a graph cannot be configured
   * @throws IllegalArgumentException when the plan is inconsistent or FFmpeg rejects a value
   *     (an unknown crossfade curve, a malformed outputVolume)
   */
  public static PcmStream open(AudioPlan plan) throws IOException {
    if (plan.clips().isEmpty()) {
      throw new IllegalArgumentException("an audio plan needs at least one clip");
    }
    if (plan.joins().size() != plan.clips().size() - 1) {
      throw new IllegalArgumentException(
          "expected " + (plan.clips().size() - 1) + " joins for " + plan.clips().size()
              + " clips, got " + plan.joins().size());
    }
    BedTimeline.checkCurves(plan.joins());
    AudioInputs inputs = probeAll(plan);
    ClipBeds beds = new ClipBeds(inputs);
    DecodedFormat bedFormat = beds.formatOf(plan.clips().getFirst());
    AudioFilterGraph graph = new AudioFilterGraph();
    List<SourceFeed> feeds = new ArrayList<>();
    try {
      SourceFeed bed =
          SourceFeed.add(graph, "clip audio", bedFormat,
              () -> new BedTimeline(plan.clips(), plan.joins(), beds, bedFormat));
      feeds.add(bed);
      Branch output = plan.tracks().isEmpty() ? bed.branch() : mixWithTracks(graph, feeds, inputs, bed.branch(), plan);
      var sink = graph.chain(graph.chain(output.node(), "aformat", "sample_fmts", "flt"), "abuffersink");
      graph.configure();
      return new GraphPcmStream(new GraphPump(graph, sink, feeds), inputs);
    } catch (IOException | RuntimeException e) {
      feeds.forEach(SourceFeed::close);
      graph.close();
      throw e;
    }
  }

  /** Probes every input up front, so the render fails before it starts, not minutes in. */
  private static AudioInputs probeAll(AudioPlan plan) throws IOException {
    AudioInputs inputs = new AudioInputs();
    for (ClipAudio clip : plan.clips()) {
      for (Source source : clip.sources()) {
        inputs.probe(source.at(), source.path());
      }
    }
    for (Track track : plan.tracks()) {
      inputs.probe(track.at(), track.path());
    }
    return inputs;
  }

  private static Branch mixWithTracks(
      AudioFilterGraph graph, List<SourceFeed> feeds, AudioInputs inputs, Branch bed, AudioPlan plan) throws IOException {
    List<Branch> tracks = new ArrayList<>();
    Branch leader = null;
    for (Track track : plan.tracks()) {
      DecodedFormat format = inputs.probe(track.at(), track.path());
      Branch branch = track(graph, feeds, inputs, track, format);
      tracks.add(branch);
      // ffmpeg 5.1 merges amix's formats with the first input needing no sample-format
      // conversion: the s32 bed never qualifies, a float-decoded track does.
      if (leader == null && format.isFloat()) {
        leader = branch;
      }
    }
    Branch target = leader == null ? bed : leader;
    List<Branch> mixed = new ArrayList<>();
    mixed.add(bed);
    mixed.addAll(tracks);
    List<Double> weights = new ArrayList<>();
    weights.add(plan.clipsAudioVolume());
    plan.tracks().forEach(track -> weights.add(track.mixVolume()));
    var node =
        graph.join(
            mixed.stream().map(b -> b.conformedTo(graph, target.sampleRate(), target.layout()).node()).toList(),
            "amix",
            "inputs", Integer.toString(mixed.size()),
            "duration", "first",
            "dropout_transition", "0",
            "weights", weights.stream().map(OptionText::number).collect(Collectors.joining(" ")));
    if (plan.normalization().isPresent()) {
      Normalization norm = plan.normalization().get();
      node = graph.chain(node, "dynaudnorm", "gausssize", number(norm.gaussSize()), "maxgain", number(norm.maxGain()));
    }
    if (plan.outputVolume().isPresent()) {
      node = graph.chain(node, "volume", "volume", plan.outputVolume().get());
    }
    return new Branch(node, target.sampleRate(), target.layout()).asEditlyFile(graph);
  }

  /**
   * A whole-timeline track as Editly feeds its final amix: cut with atrim on the file's own clock
   * (no seek), delayed by whole milliseconds (Editly floors them), padded with silence forever so
   * the bed alone ends the mix.
   */
  private static Branch track(
      AudioFilterGraph graph, List<SourceFeed> feeds, AudioInputs inputs, Track track, DecodedFormat format) {
    SourceFeed feed =
        SourceFeed.add(graph, track.at() + " (" + track.path() + ")", format,
            () -> inputs.open(track.at(), track.path(), 0, track.loop()));
    feeds.add(feed);
    var cut =
        track.cutTo().isPresent()
            ? graph.chain(feed.branch().node(), "atrim",
                "start", seconds(track.cutFrom()), "end", seconds(track.cutTo().getAsDouble()))
            : graph.chain(feed.branch().node(), "atrim", "start", seconds(track.cutFrom()));
    var delayed =
        graph.chain(cut, "adelay", "delays", Long.toString((long) Math.floor(track.start() * 1000)), "all", "1");
    return new Branch(graph.chain(delayed, "apad"), format.sampleRate(), format.channelLayout());
  }
}
