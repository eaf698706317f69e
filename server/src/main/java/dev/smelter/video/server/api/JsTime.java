package dev.smelter.video.server.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Timestamps as JavaScript's {@code Date.toJSON()} writes them (millisecond precision, UTC). */
final class JsTime {
  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private JsTime() {}

  static String of(Instant t) {
    return ISO.format(t);
  }
}
