package dev.smelter.video.render.media;

import dev.smelter.video.render.ffmpeg.FfmpegException;

import dev.smelter.video.plan.Rational;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * The filter chain of one video layer: ffmpeg's autorotate, then Editly's
 * {@code setpts=speed*PTS,fps=<fps>,scale=W:H[,crop=W:H]}, then {@code format=rgba}.
 */
record LayerFilter(int rotation, double speed, Rational fps, FitGeometry geometry) {

  String chain() {
    List<String> filters = new ArrayList<>();
    switch (rotation) {
      case 90 -> filters.add("transpose=clock");
      case 180 -> filters.add("hflip,vflip");
      case 270 -> filters.add("transpose=cclock");
      default -> {} // autorotate leaves other angles alone as well
    }
    // A plain decimal: ffmpeg's expression parser would take an exponent's "E" for the exa prefix.
    filters.add("setpts=" + new BigDecimal(Double.toString(speed)).toPlainString() + "*PTS");
    filters.add("fps=" + fps.num() + "/" + fps.den());
    filters.add("scale=" + geometry.scaleWidth() + ":" + geometry.scaleHeight());
    if (geometry.crops()) filters.add("crop=" + geometry.width() + ":" + geometry.height());
    filters.add("format=rgba");
    return String.join(",", filters);
  }

  /** Opens the chain for decoded frames like {@code first} (format, size, colour properties). */
  VideoFilterGraph open(AVFrame first, AVRational timeBase) throws FfmpegException {
    AVRational sar = first.sample_aspect_ratio();
    boolean sarKnown = sar.num() > 0 && sar.den() > 0;
    String sourceArgs = String.format(
        Locale.ROOT,
        "video_size=%dx%d:pix_fmt=%d:time_base=%d/%d:pixel_aspect=%d/%d:colorspace=%d:range=%d",
        first.width(), first.height(), first.format(), timeBase.num(), timeBase.den(),
        sarKnown ? sar.num() : 1, sarKnown ? sar.den() : 1, first.colorspace(), first.color_range());
    return VideoFilterGraph.open(sourceArgs, chain());
  }
}
