package dev.smelter.video.render.audio;

import dev.smelter.video.render.ffmpeg.FfmpegException;

import static dev.smelter.video.render.audio.OptionText.seconds;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S32;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_free;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_read;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_size;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_write;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_from_string;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale;

import dev.smelter.video.plan.AudioPlan.ClipAudio;
import dev.smelter.video.plan.AudioPlan.Join;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bytedeco.ffmpeg.avutil.AVAudioFifo;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * The clip beds joined by Editly's {@code acrossfade=d=max(0.0001,t):c1:c2} at every boundary:
 * what Editly's concat command writes to {@code audio-concat.flac}, as 48 kHz s32 in the first
 * bed's layout (ffmpeg 5.1 converts later beds to it).
 *
 * <p>The timeline runs as a sequence of small graphs of {@value #CLIPS_PER_GRAPH} clips, each
 * freed when done. libavfilter keeps every link's frame pool until its graph is freed, so one
 * graph for a whole 300-clip timeline would hold about 1.25 MB per 0.5 s stereo crossfade. The
 * last crossfade-length of each graph's output is held back and becomes the first input of the
 * next graph's first acrossfade: the samples are the same as one unbroken chain's.
 */
final class BedTimeline implements FrameSource {
  static final int CLIPS_PER_GRAPH = 16;
  /** Editly's floor on a crossfade, so a cut still goes through acrossfade. */
  private static final double MIN_CROSSFADE_SECONDS = 0.0001;
  private static final int CHUNK = 4096;

  private final List<ClipAudio> clips;
  private final List<Join> joins;
  private final int clipsPerGraph;
  private final ClipBeds beds;
  private final DecodedFormat format;
  private final AVAudioFifo pending;
  private final AVFrame pulled;
  private final AVFrame out;
  private GraphPump segment;
  /** The tail handed to the current graph; freed here in case that graph never took it. */
  private SingleFrame handedOver;
  private int segmentEnd;
  private long pts;

  /**
   * @param format the timeline's format: the first bed's ({@link ClipBeds#formatOf})
   */
  BedTimeline(List<ClipAudio> clips, List<Join> joins, ClipBeds beds, DecodedFormat format) {
    this(clips, joins, beds, format, CLIPS_PER_GRAPH);
  }

  BedTimeline(List<ClipAudio> clips, List<Join> joins, ClipBeds beds, DecodedFormat format, int clipsPerGraph) {
    this.clips = List.copyOf(clips);
    this.joins = List.copyOf(joins);
    this.clipsPerGraph = clipsPerGraph;
    this.beds = beds;
    this.format = format;
    this.pending = av_audio_fifo_alloc(AV_SAMPLE_FMT_S32, format.channels(), CHUNK);
    this.pulled = av_frame_alloc();
    this.out = av_frame_alloc();
  }

  /**
   * Fails now on curve names acrossfade rejects, rather than when streaming reaches the join.
   *
   * @throws IllegalArgumentException naming the bad curve
   */
  static void checkCurves(List<Join> joins) {
    Set<String> curves = new TreeSet<>();
    joins.forEach(join -> {
      curves.add(join.outCurve());
      curves.add(join.inCurve());
    });
    try (AudioFilterGraph graph = new AudioFilterGraph()) {
      for (String curve : curves) {
        graph.add("acrossfade", "curve1", curve);
      }
    }
  }

  /** Samples a join overlaps, as acrossfade counts them (duration in µs, rounded, at 48 kHz). */
  static int crossfadeSamples(Join join) {
    long micros =
        new BigDecimal(seconds(Math.max(MIN_CROSSFADE_SECONDS, join.duration()))).movePointRight(6).longValueExact();
    return (int) av_rescale(micros, ClipBeds.SAMPLE_RATE, 1_000_000);
  }

  @Override
  public AVFrame next() throws IOException {
    while (true) {
      int held = av_audio_fifo_size(pending);
      int keep = segmentEnd > 0 && segmentEnd < clips.size() ? crossfadeSamples(joins.get(segmentEnd - 1)) : 0;
      if (held > keep) {
        return emit(Math.min(held - keep, CHUNK));
      }
      if (segment != null) {
        if (segment.pull(pulled)) {
          write(pulled);
          continue;
        }
        segment.close();
        segment = null;
      } else if (segmentEnd == clips.size()) {
        return null;
      } else {
        segment = openSegment();
      }
    }
  }

  private GraphPump openSegment() throws IOException {
    int from = segmentEnd;
    int to = Math.min(from + clipsPerGraph, clips.size());
    AudioFilterGraph graph = new AudioFilterGraph();
    List<SourceFeed> feeds = new ArrayList<>();
    try {
      Branch timeline = null;
      if (from > 0) {
        closeHandedOver();
        SingleFrame tail = new SingleFrame(takePending());
        handedOver = tail;
        SourceFeed held = SourceFeed.add(graph, "clip audio up to clip " + from, format, () -> tail);
        feeds.add(held);
        timeline = held.branch();
      }
      for (int i = from; i < to; i++) {
        Branch bed = beds.bed(graph, feeds, clips.get(i)).conformedTo(graph, format.sampleRate(), format.channelLayout());
        timeline = timeline == null ? bed : crossfade(graph, timeline, bed, joins.get(i - 1));
      }
      var sink = graph.chain(timeline.asEditlyFile(graph).node(), "abuffersink");
      graph.configure();
      segmentEnd = to;
      return new GraphPump(graph, sink, feeds);
    } catch (IOException | RuntimeException e) {
      feeds.forEach(SourceFeed::close);
      graph.close();
      throw e;
    }
  }

  private static Branch crossfade(AudioFilterGraph graph, Branch left, Branch right, Join join) {
    var crossfade =
        graph.join(
            List.of(left.node(), right.node()),
            "acrossfade",
            "nb_samples", Integer.toString(crossfadeSamples(join)),
            "curve1", join.outCurve(),
            "curve2", join.inCurve());
    return new Branch(crossfade, left.sampleRate(), left.layout());
  }

  private void write(AVFrame frame) throws IOException {
    try {
      if (av_audio_fifo_write(pending, frame.data(), frame.nb_samples()) < frame.nb_samples()) {
        throw new IOException("cannot buffer clip audio");
      }
    } finally {
      av_frame_unref(frame);
    }
  }

  private AVFrame emit(int samples) throws IOException {
    av_frame_unref(out);
    readPending(out, samples);
    out.pts(pts);
    pts += samples;
    return out;
  }

  /** Everything held back, as one frame for the next graph's first crossfade. */
  private AVFrame takePending() throws IOException {
    AVFrame tail = av_frame_alloc();
    try {
      readPending(tail, av_audio_fifo_size(pending));
      tail.pts(0);
      return tail;
    } catch (IOException | RuntimeException e) {
      av_frame_free(tail);
      throw e;
    }
  }

  private void readPending(AVFrame frame, int samples) throws IOException {
    frame.format(AV_SAMPLE_FMT_S32);
    frame.sample_rate(format.sampleRate());
    frame.nb_samples(samples);
    av_channel_layout_from_string(frame.ch_layout(), format.channelLayout());
    int allocated = av_frame_get_buffer(frame, 0);
    if (allocated < 0) {
      throw new IOException("cannot allocate clip audio: " + FfmpegException.describe(allocated));
    }
    if (av_audio_fifo_read(pending, frame.data(), samples) < samples) {
      throw new IOException("cannot read buffered clip audio");
    }
  }

  @Override
  public void close() {
    if (segment != null) {
      segment.close();
      segment = null;
    }
    closeHandedOver();
    av_frame_free(out);
    av_frame_free(pulled);
    av_audio_fifo_free(pending);
  }

  private void closeHandedOver() {
    if (handedOver != null) {
      handedOver.close();
      handedOver = null;
    }
  }

  /** A frame handed to a graph once. */
  private static final class SingleFrame implements FrameSource {
    private AVFrame frame;
    private boolean given;

    SingleFrame(AVFrame frame) {
      this.frame = frame;
    }

    @Override
    public AVFrame next() {
      if (given) {
        return null;
      }
      given = true;
      return frame;
    }

    @Override
    public void close() {
      if (frame != null) {
        av_frame_free(frame);
        frame = null;
      }
    }
  }
}
