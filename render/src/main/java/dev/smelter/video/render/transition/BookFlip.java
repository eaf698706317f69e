package dev.smelter.video.render.transition;

/**
 * {@code BookFlip}: a page turns about the vertical centre line. The right half of the outgoing
 * frame folds over to the left (foreshortened, shaded down to 70 %), then the incoming frame's left
 * half unfolds; pixels right of {@code 1 − progress} already show the incoming frame.
 */
final class BookFlip extends CatalogShaderTransition {
  private static final SkslProgram PROGRAM = SkslProgram.withCatalogParams("BookFlip", """
      float shade() { return max(0.7, abs(progress - 0.5) * 2.0); }

      half4 transition(float2 p) {
        float revealed = step(1.0 - progress, p.x);
        if (p.x < 0.5) {
          // the incoming page's left half, lying over the outgoing frame after the midpoint
          float sx = (p.x - 0.5) / (progress - 0.5) * 0.5 + 0.5;
          float sy = (p.y - 0.5) / (0.5 + (1.0 - progress) * (0.5 - p.x) * 2.0) * 0.5 + 0.5;
          return mix(getFromColor(p), getToColor(float2(sx, sy)) * half4(half3(shade()), 1.0), revealed);
        }
        // the outgoing page's right half, folding towards the spine
        float sx = (p.x - progress) / (0.5 - progress) * 0.5;
        float sy = (p.y - 0.5) / (0.5 + progress * (p.x - 0.5) * 2.0) * 0.5 + 0.5;
        return mix(getFromColor(float2(sx, sy)) * half4(half3(shade()), 1.0), getToColor(p), revealed);
      }
      """);

  BookFlip() {
    super(PROGRAM);
  }
}
