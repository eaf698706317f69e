package dev.smelter.video.render.quality;

import dev.smelter.video.plan.MediaInfo;
import dev.smelter.video.plan.Rational;
import dev.smelter.video.render.media.FfmpegProbe;
import dev.smelter.video.render.media.FfmpegVideoReader;
import dev.smelter.video.render.media.VideoFrameReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * Compares a rendered video with a reference frame by frame: frame counts, durations and SSIM of
 * every {@code step}-th frame (the reference is scaled to the candidate's size when they differ),
 * and the RMS level of both audio tracks. Used by the fidelity harness against the real Editly and
 * by end-to-end tests.
 */
public final class VideoComparison {
  /**
   * The outcome; SSIM values are over the sampled frames that both videos have; audio levels are
   * RMS dBFS over the whole track, empty without audio.
   */
  public record Result(int frames, int referenceFrames, double duration, double referenceDuration,
      double audioDuration, double referenceAudioDuration, double meanSsim, double minSsim, int minSsimFrame, int sampled,
      OptionalDouble audioRmsDb, OptionalDouble referenceAudioRmsDb) {
    /** Candidate minus reference level in dB, when both have audio. */
    public OptionalDouble audioLevelDifferenceDb() {
      return audioRmsDb.isPresent() && referenceAudioRmsDb.isPresent()
          ? OptionalDouble.of(audioRmsDb.getAsDouble() - referenceAudioRmsDb.getAsDouble()) : OptionalDouble.empty();
    }
  }

  private VideoComparison() {}

  public static Result compare(Path candidate, Path reference, int step) throws IOException {
    FfmpegProbe probe = new FfmpegProbe();
    MediaInfo a = probe.probe(candidate);
    MediaInfo b = probe.probe(reference);
    MediaInfo.VideoStream va = a.video().orElseThrow(() -> new IOException("no video in " + candidate));
    MediaInfo.VideoStream vb = b.video().orElseThrow(() -> new IOException("no video in " + reference));
    Rational fps = va.frameRate();
    int w = va.width(), h = va.height();
    double sum = 0, min = 1;
    int minFrame = -1, sampled = 0, frames = 0, refFrames = 0;
    try (VideoFrameReader ra = FfmpegVideoReader.open(candidate, 0, Double.POSITIVE_INFINITY, 1, fps, w, h, VideoFrameReader.Fit.STRETCH);
        VideoFrameReader rb = FfmpegVideoReader.open(reference, 0, Double.POSITIVE_INFINITY, 1, fps, w, h, VideoFrameReader.Fit.STRETCH)) {
      ByteBuffer fa = ByteBuffer.allocateDirect(w * h * 4), fb = ByteBuffer.allocateDirect(w * h * 4);
      boolean moreA = true, moreB = true;
      for (int k = 0; moreA || moreB; k++) {
        moreA = moreA && ra.read(fa.clear());
        moreB = moreB && rb.read(fb.clear());
        if (moreA) frames++;
        if (moreB) refFrames++;
        if (moreA && moreB && k % step == 0) {
          double s = Ssim.of(fa, fb, w, h);
          sum += s;
          sampled++;
          if (s < min) {
            min = s;
            minFrame = k;
          }
        }
      }
    }
    double audio = a.audio().map(MediaInfo.AudioStream::duration).orElse(0.0);
    double refAudio = b.audio().map(MediaInfo.AudioStream::duration).orElse(0.0);
    return new Result(frames, refFrames, va.duration(), vb.duration(), audio, refAudio,
        sampled == 0 ? 0 : sum / sampled, min, minFrame, sampled,
        AudioLevel.rmsDb(candidate, audio), AudioLevel.rmsDb(reference, refAudio));
  }
}
