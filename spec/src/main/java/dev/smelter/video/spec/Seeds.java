package dev.smelter.video.spec;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Independent random streams derived from the plan seed and a stable name (a JSON path), so a
 * random colour of clip 7 does not change when clip 3 gains a layer.
 */
final class Seeds {
  private Seeds() {}

  static RandomGenerator stream(long seed, String name) {
    long h = seed;
    for (int i = 0; i < name.length(); i++) h = h * 1_000_003L + name.charAt(i);
    return new SplittableRandom(h ^ 0x9E3779B97F4A7C15L);
  }
}
