package dev.smelter.video.render.encode;

import static org.bytedeco.ffmpeg.global.avutil.AV_DICT_IGNORE_SUFFIX;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;

/**
 * An FFmpeg option dictionary for one open call: FFmpeg consumes the options it knows and leaves
 * the rest, which {@link #unused()} reports (a misspelt or unsupported option must not pass silently).
 */
final class CodecOptions implements AutoCloseable {
  private final AVDictionary dictionary = new AVDictionary(null);

  CodecOptions(Map<String, String> options) {
    options.forEach((key, value) -> av_dict_set(dictionary, key, value, 0));
  }

  AVDictionary dictionary() {
    return dictionary;
  }

  List<String> unused() {
    List<String> keys = new ArrayList<>();
    AVDictionaryEntry entry = null;
    while ((entry = av_dict_get(dictionary, "", entry, AV_DICT_IGNORE_SUFFIX)) != null && !entry.isNull()) {
      keys.add(entry.key().getString() + "=" + entry.value().getString());
    }
    return keys;
  }

  @Override
  public void close() {
    av_dict_free(dictionary);
  }
}
