package dev.smelter.video.spec.json;

/**
 * Well-formed UTF-16: every unpaired surrogate becomes U+FFFD, as a browser does when it encodes a
 * JavaScript string (Editly's canvas draws the replacement character). Native code (Skia's text
 * shaping, FFmpeg's path handling) converts Java strings to UTF-8 itself and can crash the whole
 * process on a lone surrogate, so every string of a spec passes through here first.
 */
public final class WellFormed {
  public static final char REPLACEMENT = '\uFFFD';

  private WellFormed() {}

  /** {@code s} itself when it is well-formed (the common case allocates nothing). */
  public static String of(String s) {
    if (s == null) return null;
    int bad = firstUnpaired(s);
    if (bad < 0) return s;
    StringBuilder sb = new StringBuilder(s.length());
    sb.append(s, 0, bad);
    for (int i = bad; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        sb.append(c).append(s.charAt(++i));
      } else {
        sb.append(Character.isSurrogate(c) ? REPLACEMENT : c);
      }
    }
    return sb.toString();
  }

  public static boolean is(String s) {
    return firstUnpaired(s) < 0;
  }

  private static int firstUnpaired(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isSurrogate(c)) continue;
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else {
        return i;
      }
    }
    return -1;
  }
}
