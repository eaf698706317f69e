package dev.smelter.video.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smelter.video.plan.MediaInfo;
import dev.smelter.video.render.media.FfmpegProbe;
import dev.smelter.video.render.media.FfmpegVideoReader;
import dev.smelter.video.render.media.VideoFrameReader;
import io.github.humbleui.skija.EncodedImageFormat;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.ImageInfo;
import io.github.humbleui.skija.Paint;
import io.github.humbleui.skija.Surface;
import io.github.humbleui.types.Rect;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * videoeditor's simple {@code clips} form showed each picture still, contained with black bars
 * (ffmpeg concat + scale/pad): the service must not add Editly's implicit Ken Burns zoom there.
 */
class SimpleFormatTest {
  @TempDir Path tmp;

  @Test
  void simpleFormPicturesStayStill() throws Exception {
    TestServer server = TestServer.shared();
    // A red square off-centre on blue: any zoom moves its edges.
    try (Surface s = Surface.makeRaster(ImageInfo.makeN32Premul(60, 90)); Paint red = new Paint().setColor(0xFFFF0000)) {
      s.getCanvas().clear(0xFF0000FF);
      s.getCanvas().drawRect(Rect.makeXYWH(5, 10, 20, 25), red);
      try (Image img = s.makeImageSnapshot()) {
        Files.write(server.uploads().resolve("still-page.png"), img.encodeToData(EncodedImageFormat.PNG).getBytes());
      }
    }
    HttpResponse<String> r = server.http.post("/jobs", """
        {"width":64,"height":96,"fps":10,"outputFilename":"simple-still.mp4","clips":[{"imagePath":"still-page.png","duration":1}]}""");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    JsonNode done = server.http.awaitTerminal(Http.json(r).get("jobId").asString(), Duration.ofSeconds(120));
    assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("completed");
    Path mp4 = Files.write(tmp.resolve("still.mp4"), server.http.getBytes("/download/simple-still.mp4").body());

    MediaInfo.VideoStream v = new FfmpegProbe().probe(mp4).video().orElseThrow();
    List<byte[]> frames = new ArrayList<>();
    try (VideoFrameReader reader = FfmpegVideoReader.open(mp4, 0, Double.POSITIVE_INFINITY, 1, v.frameRate(), v.width(), v.height(),
        VideoFrameReader.Fit.STRETCH)) {
      ByteBuffer frame = ByteBuffer.allocateDirect(v.width() * v.height() * 4);
      while (reader.read(frame.clear())) {
        byte[] copy = new byte[v.width() * v.height() * 4];
        frame.rewind().get(copy);
        frames.add(copy);
      }
    }
    assertThat(frames).hasSize(10);
    byte[] first = frames.getFirst(), last = frames.getLast();
    int worst = 0;
    for (int i = 0; i < first.length; i++) worst = Math.max(worst, Math.abs((first[i] & 0xFF) - (last[i] & 0xFF)));
    // Encoding noise only (a 10 % zoom moves the square's edges by several pixels: differences near 255).
    assertThat(worst).as("largest channel difference between the first and the last frame").isLessThan(40);
  }
}
