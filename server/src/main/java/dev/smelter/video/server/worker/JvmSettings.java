package dev.smelter.video.server.worker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The JVM and glibc settings every smelter-video process starts with, from {@code deploy/jvm.env}
 * (packaged into this module's jar): the launcher and the Docker image read the same file, so a
 * render child gets what a CLI render gets (docs/performance.md, "Memory").
 *
 * @param javaOptions every JVM's options ({@code JAVA_OPTIONS})
 * @param processOptions a smelter-video process's options: collector, initial heap, no core file
 *     ({@code PROCESS_JAVA_OPTIONS})
 * @param glibc the {@code MALLOC_*} environment variables, by name
 */
public record JvmSettings(List<String> javaOptions, List<String> processOptions, Map<String, String> glibc) {
  static final String RESOURCE = "jvm.env";

  public JvmSettings {
    javaOptions = List.copyOf(javaOptions);
    processOptions = List.copyOf(processOptions);
    glibc = Map.copyOf(glibc);
  }

  /** The settings in this jar; a build without them is broken, not a case to run without them. */
  public static JvmSettings packaged() {
    try (InputStream in = JvmSettings.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("deploy/jvm.env is missing from the server jar");
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the file's {@code KEY=value} lines (it is written to be a valid properties file too). */
  public static JvmSettings read(InputStream in) throws IOException {
    Properties p = new Properties();
    p.load(in);
    Map<String, String> glibc = new TreeMap<>();
    for (String key : p.stringPropertyNames()) {
      if (key.startsWith("MALLOC_")) glibc.put(key, p.getProperty(key).strip());
    }
    return new JvmSettings(words(p, "JAVA_OPTIONS"), words(p, "PROCESS_JAVA_OPTIONS"), glibc);
  }

  private static List<String> words(Properties p, String key) {
    String value = p.getProperty(key);
    if (value == null) throw new IllegalStateException("deploy/jvm.env has no " + key);
    return Arrays.stream(value.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
  }
}
