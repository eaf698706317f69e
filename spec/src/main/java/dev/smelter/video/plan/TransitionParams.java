package dev.smelter.video.plan;

import java.util.Map;
import java.util.TreeMap;

/**
 * Uniform values of a transition: each declared param as a float vector (bools are 0/1), defaults
 * already merged with the user's {@code params}.
 */
public record TransitionParams(Map<String, double[]> values) {
  public static final TransitionParams NONE = new TransitionParams(Map.of());

  public TransitionParams {
    values = java.util.Collections.unmodifiableMap(new TreeMap<>(values));
  }

  public double scalar(String name, double fallback) {
    double[] v = values.get(name);
    return v == null || v.length == 0 ? fallback : v[0];
  }

  public double[] vector(String name, double... fallback) {
    double[] v = values.get(name);
    return v == null ? fallback : v.clone();
  }

  public boolean flag(String name, boolean fallback) {
    double[] v = values.get(name);
    return v == null || v.length == 0 ? fallback : v[0] != 0;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    values.forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append(k).append('=').append(java.util.Arrays.toString(v)));
    return sb.append('}').toString();
  }
}
