package dev.smelter.video.render.compose;

import dev.smelter.video.plan.FontRef;
import io.github.humbleui.skija.FontMgr;
import io.github.humbleui.skija.Typeface;
import io.github.humbleui.skija.paragraph.Alignment;
import io.github.humbleui.skija.paragraph.FontCollection;
import io.github.humbleui.skija.paragraph.Paragraph;
import io.github.humbleui.skija.paragraph.ParagraphBuilder;
import io.github.humbleui.skija.paragraph.ParagraphStyle;
import io.github.humbleui.skija.paragraph.TextStyle;
import io.github.humbleui.skija.paragraph.TypefaceFontProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The fonts of one render job: font files from {@code fontPath} are registered here under private
 * family names, never process-wide, so jobs cannot collide (Editly keys fonts by file name, once per
 * process); named families resolve through fontconfig ({@code sans-serif} → DejaVu Sans on Debian).
 *
 * <p>Layout is serialised: a {@link FontCollection}'s typeface cache is not thread-safe. Text is laid
 * out once per clip, so the lock is never contended per frame.
 */
final class JobFonts implements AutoCloseable {
  private final TypefaceFontProvider files = new TypefaceFontProvider();
  private final FontCollection collection = new FontCollection();
  private final Map<Path, String> familyOfFile = new HashMap<>();

  JobFonts() {
    collection.setAssetFontManager(files);
    collection.setDefaultFontManager(FontMgr.getDefault());
    collection.setEnableFallback(true);
  }

  /**
   * Lays out {@code text} in {@code font} with {@code look}, wrapped at {@code width}, and hands the
   * paragraph to {@code use} (paint it there; it is closed afterwards).
   */
  synchronized <T> T layout(String text, FontRef font, TextLook look, float width, Function<Paragraph, T> use) throws IOException {
    // The plan's strings come from the spec parser, which already replaced lone surrogates; a plan built
    // any other way must not reach Skia's UTF-8 conversion with one either (it crashes the process).
    text = dev.smelter.video.spec.json.WellFormed.of(text);
    String family = dev.smelter.video.spec.json.WellFormed.of(familyOf(font));
    try (TextStyle style = new TextStyle();
        ParagraphStyle paragraphStyle = new ParagraphStyle()) {
      style.setFontFamilies(new String[] {family}).setFontSize(look.fontSize()).setColor(look.argb()).setHeight(look.lineSpacing());
      if (look.letterSpacing() != 0) style.setLetterSpacing(look.letterSpacing());
      paragraphStyle.setAlignment(look.alignment()).setTextStyle(style);
      try (ParagraphBuilder builder = new ParagraphBuilder(paragraphStyle, collection)) {
        builder.pushStyle(style).addText(text);
        try (Paragraph paragraph = builder.build()) {
          paragraph.layout(width);
          return use.apply(paragraph);
        }
      }
    }
  }

  private String familyOf(FontRef font) throws IOException {
    return switch (font) {
      case FontRef.Family family -> family.name();
      case FontRef.File file -> {
        Path path = file.path().toAbsolutePath().normalize();
        String known = familyOfFile.get(path);
        if (known != null) yield known;
        Typeface typeface = FontMgr.getDefault().makeFromFile(path.toString());
        if (typeface == null) throw new IOException("not a usable font file: " + path);
        String alias = "smelter-job-font-" + familyOfFile.size();
        files.registerTypeface(typeface, alias);
        familyOfFile.put(path, alias);
        yield alias;
      }
    };
  }

  @Override
  public synchronized void close() {
    collection.close();
    files.close();
  }

  /**
   * @param lineSpacing line height as a multiple of the font size
   * @param letterSpacing pixels added after every character (Fabric's {@code charSpacing})
   */
  record TextLook(float fontSize, int argb, float lineSpacing, Alignment alignment, float letterSpacing) {
    TextLook(float fontSize, int argb, float lineSpacing, Alignment alignment) {
      this(fontSize, argb, lineSpacing, alignment, 0);
    }
  }
}
