package dev.smelter.video.render.audio;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers written as FFmpeg option values: plain decimals, never E notation ("1.0E-4"). */
final class OptionText {
  private OptionText() {}

  /** Seconds for FFmpeg duration options, which resolve whole microseconds. */
  static String seconds(double value) {
    return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
  }

  /** A plain decimal ("1", "0.5") for numeric options. */
  static String number(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
