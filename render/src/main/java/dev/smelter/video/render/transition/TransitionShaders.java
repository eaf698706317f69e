package dev.smelter.video.render.transition;

import dev.smelter.video.spec.transition.TransitionCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The loader of the shader transitions' files: {@code sksl/<Name>.sksl} next to this class, one per
 * gl-transitions name drawn by an SkSL program, {@code Name} spelled as in {@link TransitionCatalog}.
 *
 * <p>A file starts with a header of {@code //} lines ended by the first blank line:
 * <pre>
 * // transition: Name param:type=default ...   (the catalogue's line for Name, repeated)
 * // uv: reference                              (optional: uv as the reference's GL interpolates it)
 * // free text: what the effect looks like
 * </pre>
 * The rest is the program's body: helper functions and {@code half4 transition(float2 uv)}, with
 * each declared param as a uniform of the same name ({@link SkslProgram#withCatalogParams}). The
 * header must match the catalogue exactly, so a param cannot be declared in one and not the other.
 */
final class TransitionShaders {
  private static final String FOLDER = "sksl/";
  private static final String NAME_LINE = "// transition: ";
  private static final String UV_LINE = "// uv: ";

  private TransitionShaders() {}

  /**
   * The program in {@code sksl/<catalogName>.sksl}.
   *
   * @throws IllegalStateException when the file is missing or its header is malformed or disagrees
   *     with the catalogue (a build defect, found by the render module's tests)
   */
  static SkslProgram program(String catalogName) {
    return find(catalogName).orElseThrow(() -> new IllegalStateException("no shader file " + FOLDER + catalogName + ".sksl"));
  }

  /** The program in {@code sksl/<catalogName>.sksl}, or empty when there is no such file. */
  static Optional<SkslProgram> find(String catalogName) {
    String file = FOLDER + catalogName + ".sksl";
    String text;
    try (InputStream in = TransitionShaders.class.getResourceAsStream(file)) {
      if (in == null) return Optional.empty();
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      return Optional.of(parse(catalogName, text));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(file + ": " + e.getMessage(), e);
    }
  }

  /** The program of a shader file's text; {@code catalogName} is the name its header must declare. */
  static SkslProgram parse(String catalogName, String text) {
    int end = text.indexOf("\n\n");
    if (end < 0) throw new IllegalArgumentException("no blank line after the header");
    String[] header = text.substring(0, end).split("\n");
    String body = text.substring(end + 2);
    for (String line : header) {
      if (!line.startsWith("//")) throw new IllegalArgumentException("header line '" + line + "' is not a // comment");
    }
    if (!header[0].startsWith(NAME_LINE)) throw new IllegalArgumentException("the first line must be '" + NAME_LINE + "Name params...'");
    TransitionCatalog.Entry declared = TransitionCatalog.parse(header[0].substring(NAME_LINE.length()));
    TransitionCatalog.Entry catalogued = TransitionCatalog.find(declared.name())
        .orElseThrow(() -> new IllegalArgumentException("'" + declared.name() + "' is not a catalogued transition"));
    if (!declared.name().equals(catalogName) || !declared.sameAs(catalogued)) {
      throw new IllegalArgumentException("the header declares '" + header[0].substring(NAME_LINE.length())
          + "' but the catalogue lists " + catalogued.name() + " with params " + catalogued.params().keySet()
          + " (spec module, transitions.txt)");
    }
    boolean referenceUv = false;
    for (int i = 1; i < header.length; i++) {
      if (!header[i].startsWith(UV_LINE)) continue;
      String uv = header[i].substring(UV_LINE.length()).strip();
      if (!uv.equals("reference")) throw new IllegalArgumentException("unknown uv '" + uv + "' (only 'reference')");
      referenceUv = true;
    }
    return referenceUv
        ? SkslProgram.withCatalogParamsAndReferenceUv(catalogued.name(), body)
        : SkslProgram.withCatalogParams(catalogued.name(), body);
  }
}
