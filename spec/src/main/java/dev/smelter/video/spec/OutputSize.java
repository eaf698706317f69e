package dev.smelter.video.spec;

import dev.smelter.video.plan.MediaInfo;
import dev.smelter.video.plan.Rational;
import java.util.Optional;

/** Editly 0.14.2's output size and frame rate rules, including its odd corners. */
final class OutputSize {
  private OutputSize() {}

  static int[] of(EditSpec spec, Optional<MediaInfo.VideoStream> firstVideo, boolean gif, Diagnostics diag) {
    whole(spec.width().orElse(1), "width", diag);
    whole(spec.height().orElse(1), "height", diag);
    Optional<Double> desiredWidth = spec.width().isPresent() ? Optional.of(spec.width().getAsDouble()) : gif ? Optional.of(320.0) : Optional.empty();
    double w, h;
    if (spec.width().isPresent() && spec.height().isPresent()) {
      w = spec.width().getAsDouble();
      h = spec.height().getAsDouble();
    } else if (firstVideo.isPresent()) {
      MediaInfo.VideoStream v = firstVideo.get();
      if (desiredWidth.isPresent()) {
        w = desiredWidth.get();
        double exact = (double) v.height() / v.width() * w;
        h = gif ? Math.round(exact) : round2(exact);
      } else {
        w = v.width();
        h = v.height();
      }
    } else if (desiredWidth.isPresent()) {
      w = desiredWidth.get();
      h = w;
    } else {
      w = 640;
      h = 640;
    }
    if (spec.fast()) {
      double nw = round2(250 * Math.sqrt(w / h));
      double nh = round2(250 * Math.sqrt(h / w));
      w = nw;
      h = nh;
    }
    if (!gif) {
      w = Math.max(2, w);
      h = Math.max(2, h);
    }
    return new int[] {(int) w, (int) h};
  }

  static Rational fps(EditSpec spec, Optional<MediaInfo.VideoStream> firstVideo, boolean gif) {
    if (spec.fast()) return new Rational(15, 1);
    if (spec.fps().isPresent()) return Rational.of(spec.fps().getAsDouble());
    if (gif) return new Rational(10, 1);
    return firstVideo.map(MediaInfo.VideoStream::frameRate).orElse(new Rational(25, 1));
  }

  private static double round2(double x) {
    return Math.round(x / 2) * 2;
  }

  private static void whole(double v, String key, Diagnostics diag) {
    if (v != Math.rint(v)) diag.error(key, "must be a whole number of pixels (got " + v + ")");
    if (v > 16384) diag.error(key, "must be at most 16384 (got " + Fields.fmt(v) + ")");
  }
}
