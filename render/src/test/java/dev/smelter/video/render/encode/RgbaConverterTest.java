package dev.smelter.video.render.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_MPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_SMPTE170M;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;

import dev.smelter.video.render.ffmpeg.FfmpegException;
import java.nio.ByteBuffer;
import java.util.Random;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.junit.jupiter.api.Test;

class RgbaConverterTest {

  @Test
  void convertsToBt601LimitedRangeLikeEditlysFormatFilter() throws FfmpegException {
    // BGRA bytes of pure red, white and black (alpha ignored) → Y'CbCr of BT.601, 16–235.
    assertThat(yuvOf(0, 0, 255)).containsExactly(81, 90, 240);
    assertThat(yuvOf(255, 255, 255)).containsExactly(235, 128, 128);
    assertThat(yuvOf(0, 0, 0)).containsExactly(16, 128, 128);
  }

  @Test
  void sliceThreadsGiveTheSameBytesAsOneThread() throws FfmpegException {
    int w = 320, h = 242; // an odd number of chroma rows, so slices cannot all be even
    ByteBuffer noise = ByteBuffer.allocateDirect(w * h * 4);
    Random random = new Random(7);
    for (int i = 0; i < w * h * 4; i++) noise.put(i, (byte) random.nextInt(256));
    byte[][] one = planes(noise, w, h, 1);
    byte[][] four = planes(noise, w, h, 4);
    for (int p = 0; p < 3; p++) assertThat(four[p]).as("plane %d", p).isEqualTo(one[p]);
  }

  private static int[] yuvOf(int b, int g, int r) throws FfmpegException {
    int w = 16, h = 16;
    ByteBuffer bgra = ByteBuffer.allocateDirect(w * h * 4);
    for (int i = 0; i < w * h; i++) bgra.put(i * 4, (byte) b).put(i * 4 + 1, (byte) g).put(i * 4 + 2, (byte) r).put(i * 4 + 3, (byte) 255);
    byte[][] planes = planes(bgra, w, h, 2);
    return new int[] {planes[0][w * 8 + 8] & 0xff, planes[1][4 * (w / 2) + 4] & 0xff, planes[2][4 * (w / 2) + 4] & 0xff};
  }

  private static byte[][] planes(ByteBuffer bgra, int w, int h, int threads) throws FfmpegException {
    AVFrame frame = av_frame_alloc();
    try (RgbaConverter converter = new RgbaConverter(w, h, AV_PIX_FMT_YUV420P, FrameLayout.BGRA, threads)) {
      frame.format(AV_PIX_FMT_YUV420P).width(w).height(h);
      frame.colorspace(AVCOL_SPC_SMPTE170M).color_range(AVCOL_RANGE_MPEG);
      FfmpegException.check(av_frame_get_buffer(frame, 0), "allocating");
      converter.convert(bgra, frame);
      int[] widths = {w, (w + 1) / 2, (w + 1) / 2};
      int[] heights = {h, (h + 1) / 2, (h + 1) / 2};
      byte[][] out = new byte[3][];
      for (int p = 0; p < 3; p++) {
        out[p] = new byte[widths[p] * heights[p]];
        for (int y = 0; y < heights[p]; y++) {
          frame.data(p).position((long) y * frame.linesize(p)).get(out[p], y * widths[p], widths[p]);
        }
        frame.data(p).position(0);
      }
      return out;
    } finally {
      av_frame_free(frame);
    }
  }
}
