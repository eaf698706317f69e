package dev.smelter.video.server.worker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A render JVM that died of a fatal error: what its {@code hs_err} report says (the signal, the
 * native frame), read from the job folder where {@code -XX:ErrorFile} put it.
 *
 * @param signal {@code SIGSEGV}, {@code SIGABRT}, … or a short kind ({@code Internal Error}, {@code Out of Memory Error})
 * @param frame the problematic frame ({@code C  [libskija.so+0x1234]}), empty when the report has none
 */
public record NativeCrash(String signal, String frame) {
  private static final Logger LOG = Logger.getLogger(NativeCrash.class.getName());

  /** The report's name; {@code %p} is the crashed process's id. */
  static final String REPORT_PATTERN = "hs_err_pid%p.log";

  private static final Pattern SIGNAL = Pattern.compile("^#\\s+(SIG[A-Z0-9]+) \\(0x[0-9a-f]+\\)");
  private static final Pattern OTHER = Pattern.compile("^#\\s+(Internal Error|Out of Memory Error|There is insufficient memory)");
  /** Bounded: the summary is in the first lines of a report that runs to thousands. */
  private static final int SUMMARY_LINES = 40;

  public String message() {
    return "the render process crashed (" + signal + (frame.isEmpty() ? "" : " in " + frame)
        + "); not retried: the same spec would crash again (see worker.log)";
  }

  /**
   * Reads and deletes the fatal-error report {@code report} (the crashed child's own, by its pid: a
   * job folder may be shared with other attempts), appending its summary to {@code log}. Empty when
   * there is none: the process did not crash.
   */
  static Optional<NativeCrash> collect(Path report, Path log) {
    if (!Files.isRegularFile(report)) return Optional.empty();
    NativeCrash crash;
    try {
      List<String> head = head(report);
      crash = parse(head);
      Files.write(log, ("--- fatal error report of the render process (" + report.getFileName() + ", summary) ---\n"
          + String.join("\n", head) + "\n").getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      crash = new NativeCrash("fatal error", "");
    }
    try {
      Files.deleteIfExists(report);
    } catch (IOException e) {
      LOG.warning(() -> "cannot delete " + report + ": " + e.getMessage());
    }
    NativeCrash c = crash;
    LOG.warning(() -> "render process crashed (" + report + "): " + c.signal() + " " + c.frame());
    return Optional.of(crash);
  }

  static NativeCrash parse(List<String> lines) {
    String signal = "fatal error";
    String frame = "";
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher m = SIGNAL.matcher(line);
      Matcher o = OTHER.matcher(line);
      if (signal.equals("fatal error") && m.find()) signal = m.group(1);
      else if (signal.equals("fatal error") && o.find()) signal = o.group(1);
      if (line.startsWith("# Problematic frame:") && i + 1 < lines.size()) {
        frame = lines.get(i + 1).replaceFirst("^#\\s*", "").strip();
        if (frame.length() > 160) frame = frame.substring(0, 160);
      }
    }
    return new NativeCrash(signal, frame);
  }

  private static List<String> head(Path report) throws IOException {
    List<String> lines = new ArrayList<>();
    try (var in = Files.newBufferedReader(report, StandardCharsets.ISO_8859_1)) {
      String line;
      while (lines.size() < SUMMARY_LINES && (line = in.readLine()) != null) lines.add(line);
    }
    return lines;
  }

  /**
   * Deletes the renderer's temporary files for {@code output} ({@code .NAME.partial-*} beside it, see
   * Renderer): a process that died could not remove its own.
   */
  static void deletePartialOutputs(Path output) {
    Path dir = output.toAbsolutePath().getParent();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "." + output.getFileName() + ".partial-*")) {
      for (Path p : ds) Files.deleteIfExists(p);
    } catch (IOException e) {
      LOG.warning(() -> "cannot delete partial outputs of " + output + ": " + e.getMessage());
    }
  }

  static String signalName(int signal) {
    return switch (signal) {
      case 4 -> "SIGILL";
      case 6 -> "SIGABRT";
      case 7 -> "SIGBUS";
      case 8 -> "SIGFPE";
      case 9 -> "SIGKILL";
      case 11 -> "SIGSEGV";
      case 15 -> "SIGTERM";
      default -> "signal " + signal;
    };
  }
}
