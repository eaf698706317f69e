package dev.smelter.video.render.encode;

import static org.bytedeco.ffmpeg.global.avutil.AV_OPT_SEARCH_CHILDREN;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_uninit;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_set;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc_set_opts2;
import static org.bytedeco.ffmpeg.global.swresample.swr_convert;
import static org.bytedeco.ffmpeg.global.swresample.swr_free;
import static org.bytedeco.ffmpeg.global.swresample.swr_get_out_samples;
import static org.bytedeco.ffmpeg.global.swresample.swr_init;

import dev.smelter.video.plan.OutputOption;
import dev.smelter.video.plan.OutputSpec.EncodeSettings;
import dev.smelter.video.render.audio.PcmStream;
import dev.smelter.video.render.ffmpeg.FfmpegException;
import java.io.UncheckedIOException;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * The mix converted to the sample rate and channel count of {@code -ar}/{@code -ac} with
 * libswresample (what ffmpeg's {@code aresample} in front of the encoder does), with the resampler
 * options of {@code customOutputArgs} ({@code -resampler soxr}, {@code -dither_method} ...).
 */
final class ResampledPcm implements PcmStream {
  private static final int CHUNK = 4096;
  private static final int MAX_EMPTY_READS = 1000;

  private final PcmStream source;
  private final int rate;
  private final int channels;
  private SwrContext swr;
  private float[] input;
  private final FloatPointer in;
  private final PointerPointer<FloatPointer> inPlanes;
  private FloatPointer out;
  private PointerPointer<FloatPointer> outPlanes;
  private boolean sourceEnded;
  private boolean drained;

  private ResampledPcm(PcmStream source, int rate, int channels, SwrContext swr) {
    this.source = source;
    this.rate = rate;
    this.channels = channels;
    this.swr = swr;
    this.input = new float[CHUNK * source.channels()];
    this.in = new FloatPointer(input.length);
    this.inPlanes = new PointerPointer<>(1);
    inPlanes.put(0, in);
  }

  /** {@code pcm} itself when {@code settings} ask for its rate and channels, else a resampling view of it. */
  static PcmStream asAsked(PcmStream pcm, EncodeSettings settings) {
    int rate = settings.audioSampleRate().orElse(pcm.sampleRate());
    int channels = settings.audioChannels().orElse(pcm.channels());
    if (rate == pcm.sampleRate() && channels == pcm.channels()) return pcm;
    try {
      return open(pcm, rate, channels, settings);
    } catch (FfmpegException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ResampledPcm open(PcmStream pcm, int rate, int channels, EncodeSettings settings) throws FfmpegException {
    AVChannelLayout outLayout = new AVChannelLayout();
    AVChannelLayout inLayout = new AVChannelLayout();
    av_channel_layout_default(outLayout, channels);
    av_channel_layout_default(inLayout, pcm.channels());
    SwrContext swr = new SwrContext(null);
    try {
      FfmpegException.check(swr_alloc_set_opts2(swr, outLayout, AV_SAMPLE_FMT_FLT, rate, inLayout, AV_SAMPLE_FMT_FLT, pcm.sampleRate(), 0, null),
          "setting up the resampler");
      for (OutputOption o : OutputOptions.forResampler(settings)) {
        FfmpegException.check(av_opt_set(swr, o.name(), o.value(), AV_OPT_SEARCH_CHILDREN), o.at() + ": resampler option -" + o.name());
      }
      FfmpegException.check(swr_init(swr), "opening the resampler " + pcm.sampleRate() + " Hz → " + rate + " Hz");
      return new ResampledPcm(pcm, rate, channels, swr);
    } catch (FfmpegException | RuntimeException e) {
      swr_free(swr);
      throw e;
    } finally {
      av_channel_layout_uninit(outLayout);
      av_channel_layout_uninit(inLayout);
    }
  }

  @Override
  public int sampleRate() {
    return rate;
  }

  @Override
  public int channels() {
    return channels;
  }

  @Override
  public int read(float[] dst) {
    int capacity = dst.length / channels;
    if (capacity == 0) return 0;
    if (out == null || out.capacity() < (long) capacity * channels) {
      if (out != null) out.close();
      if (outPlanes != null) outPlanes.close();
      out = new FloatPointer((long) capacity * channels);
      outPlanes = new PointerPointer<>(1);
      outPlanes.put(0, out);
    }
    // Sources may return nothing for a while (and swr holds samples back while it primes): bounded.
    for (int attempt = 0; attempt < MAX_EMPTY_READS; attempt++) {
      if (drained) return -1;
      int converted;
      if (!sourceEnded) {
        // Read only as much as fits the caller's buffer once converted: what does not fit would pile up inside swr.
        int want = Math.clamp((long) capacity * source.sampleRate() / rate - 16, 1, CHUNK);
        while (want > 1 && swr_get_out_samples(swr, want) > capacity) want /= 2;
        if (input.length != want * source.channels()) input = new float[want * source.channels()];
        int frames = source.read(input);
        if (frames < 0) {
          sourceEnded = true;
          continue;
        }
        in.put(input, 0, frames * source.channels());
        converted = swr_convert(swr, outPlanes, capacity, inPlanes, frames);
      } else {
        converted = swr_convert(swr, outPlanes, capacity, (PointerPointer<?>) null, 0); // flush what it holds
        if (converted == 0) drained = true;
      }
      if (converted < 0) throw new IllegalStateException("resampling failed: " + FfmpegException.describe(converted));
      if (converted > 0) {
        out.get(dst, 0, converted * channels);
        return converted;
      }
    }
    throw new IllegalStateException("the mix keeps returning no samples: " + source);
  }

  @Override
  public void close() {
    if (swr != null) swr_free(swr);
    swr = null;
    in.close();
    inPlanes.close();
    if (out != null) out.close();
    if (outPlanes != null) outPlanes.close();
  }
}
