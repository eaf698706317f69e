package dev.smelter.video.server.net;

import java.util.List;
import java.util.Locale;

/**
 * A URL as job views and logs may show it: credentials ({@code user:pw@}) and the values of query
 * parameters that look like secrets (an n8n resume URL's {@code signature}, tokens, keys, pre-signed
 * S3 signatures) become {@code ***}. Delivery still uses the URL as given.
 */
public final class UrlRedaction {
  private UrlRedaction() {}

  /** Parameter names containing one of these are secrets. */
  private static final List<String> SECRET_PARAMS = List.of("sig", "token", "secret", "pass", "pwd", "key", "auth", "credential",
      "session", "code");

  public static String redact(String url) {
    if (url == null) return null;
    String s = url;
    int scheme = s.indexOf("://");
    if (scheme >= 0) {
      int start = scheme + 3;
      int end = firstOf(s, start, "/?#");
      int at = s.lastIndexOf('@', end - 1);
      if (at >= start) s = s.substring(0, start) + "***" + s.substring(at);
    }
    int q = s.indexOf('?');
    if (q < 0) return s;
    int hash = s.indexOf('#', q);
    String query = hash < 0 ? s.substring(q + 1) : s.substring(q + 1, hash);
    StringBuilder out = new StringBuilder(s.substring(0, q + 1));
    String[] pairs = query.split("&", -1);
    for (int i = 0; i < pairs.length; i++) {
      if (i > 0) out.append('&');
      int eq = pairs[i].indexOf('=');
      String name = eq < 0 ? pairs[i] : pairs[i].substring(0, eq);
      out.append(eq >= 0 && secret(name) ? name + "=***" : pairs[i]);
    }
    return hash < 0 ? out.toString() : out + s.substring(hash);
  }

  private static boolean secret(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return SECRET_PARAMS.stream().anyMatch(n::contains);
  }

  private static int firstOf(String s, int from, String chars) {
    for (int i = from; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) return i;
    }
    return s.length();
  }
}
