package dev.smelter.video.spec;

import static dev.smelter.video.spec.PlannerTimelineTest.plan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smelter.video.plan.Position;
import dev.smelter.video.plan.RenderPlan;
import dev.smelter.video.plan.Rgba;
import dev.smelter.video.plan.VisualLayer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Editly 0.14.2's defaults of the text, shader and composite layers, and {@code defaults.layerType} reaching each. */
class LayerDefaultsTest {
  private static List<VisualLayer> layers(String defaults, String layers) throws Exception {
    return plan("{width: 200, height: 100, fps: 10, defaults: {transition: null, duration: 1" + defaults + "}, clips: [{layers: [" + layers + "]}]}")
        .clips().getFirst().layers();
  }

  @Test
  void textLayersGetEditlysDefaults() throws Exception {
    List<VisualLayer> l = layers("", "{type: 'subtitle', text: 's'}, {type: 'news-title', text: 'n', position: 'top'}, {type: 'slide-in-text', text: 't'}");
    assertThat(l.get(0)).isEqualTo(new VisualLayer.Subtitle("clips[0].layers[0]", l.get(0).window(), "s", Rgba.WHITE, new Rgba(0, 0, 0, 0.3),
        ((VisualLayer.Subtitle) l.get(0)).font(), 0, 1));
    VisualLayer.NewsTitle news = (VisualLayer.NewsTitle) l.get(1);
    assertThat(news.backgroundColor()).isEqualTo(new Rgba(0xd0, 0x2a, 0x42, 1));
    assertThat(news.textColor()).isEqualTo(Rgba.WHITE);
    VisualLayer.SlideInText slide = (VisualLayer.SlideInText) l.get(2);
    assertThat(slide.fontSize()).isEqualTo(0.05);
    assertThat(slide.charSpacing()).isEqualTo(0.1);
    assertThat(slide.position()).isEqualTo(Position.CENTER);
  }

  @Test
  void layerTypeDefaultsReachEveryNewType() throws Exception {
    List<VisualLayer> l = layers("""
        , layer: {fontFamily: 'DejaVu Serif'},
          layerType: {
            subtitle: {backgroundColor: '#112233', delay: 0.25},
            'news-title': {speed: 2, textColor: '#00ff00'},
            'slide-in-text': {fontSize: 0.2, color: '#ff0000', position: 'bottom-left'},
            gl: {speed: 3, fragmentSrc: 'void main() { gl_FragColor = vec4(1.0); }'},
            'rainbow-colors': {speed: 5},
            'title-background': {background: {color: '#445566'}},
            'linear-gradient': {colors: ['#000000', '#ffffff']},
            'radial-gradient': {colors: ['#ffffff', '#000000']}}""",
        "{type: 'subtitle', text: 's'}, {type: 'news-title', text: 'n'}, {type: 'slide-in-text', text: 't'}, {type: 'gl'},"
            + " {type: 'rainbow-colors'}, {type: 'title-background', text: 'tb'}, {type: 'linear-gradient'}, {type: 'radial-gradient'}");
    VisualLayer.Subtitle sub = (VisualLayer.Subtitle) l.get(0);
    assertThat(sub.backgroundColor()).isEqualTo(new Rgba(0x11, 0x22, 0x33, 1));
    assertThat(sub.delay()).isEqualTo(0.25);
    assertThat(sub.font()).isEqualTo(new dev.smelter.video.plan.FontRef.Family("DejaVu Serif"));
    VisualLayer.NewsTitle news = (VisualLayer.NewsTitle) l.get(1);
    assertThat(news.speed()).isEqualTo(2);
    assertThat(news.textColor()).isEqualTo(new Rgba(0, 255, 0, 1));
    VisualLayer.SlideInText slide = (VisualLayer.SlideInText) l.get(2);
    assertThat(slide.fontSize()).isEqualTo(0.2);
    assertThat(slide.color()).isEqualTo(new Rgba(255, 0, 0, 1));
    assertThat(slide.position()).isEqualTo(new Position(0.05, 0.95, Position.OriginX.LEFT, Position.OriginY.BOTTOM));
    assertThat(((VisualLayer.Shader) l.get(3)).speed()).isEqualTo(3);
    assertThat(((VisualLayer.Shader) l.get(4)).speed()).isEqualTo(5);
    assertThat(((VisualLayer.Shader) l.get(4)).fragmentSource()).contains("uniform float time");
    assertThat(l.get(5)).isInstanceOf(VisualLayer.FillColor.class); // title-background → [background, title]
    assertThat(((VisualLayer.FillColor) l.get(5)).color()).isEqualTo(new Rgba(0x44, 0x55, 0x66, 1));
    assertThat(((VisualLayer.Title) l.get(6)).text()).isEqualTo("tb");
    assertThat(((VisualLayer.LinearGradient) l.get(7)).to()).isEqualTo(Rgba.WHITE);
    assertThat(((VisualLayer.RadialGradient) l.get(8)).from()).isEqualTo(Rgba.WHITE);
  }

  @Test
  void titleBackgroundPassesOnlyTextColourAndFontToItsTitle() throws Exception {
    List<VisualLayer> l = layers("", "{type: 'title-background', text: 'x', textColor: '#ff0000', position: 'top', zoomDirection: 'out', zoomAmount: 1}");
    VisualLayer.Title title = (VisualLayer.Title) l.get(1);
    assertThat(title.textColor()).isEqualTo(new Rgba(255, 0, 0, 1));
    assertThat(title.position()).isEqualTo(Position.CENTER);
    assertThat(title.zoom()).isEqualTo(new dev.smelter.video.plan.KenBurns(dev.smelter.video.plan.KenBurns.Direction.IN, 0.2));
  }

  @Test
  void titleBackgroundWithoutBackgroundPicksOneOfTheThreeKinds() throws Exception {
    java.util.Set<Class<?>> kinds = new java.util.HashSet<>();
    for (int seed = 0; seed < 40; seed++) {
      RenderPlan p = new Planner(PlanOptions.defaults().withSeed(seed), PlannerTimelineTest.NO_MEDIA)
          .plan("{width: 200, height: 100, clips: [{duration: 1, transition: null, layers: [{type: 'title-background', text: 'x'}]}]}");
      List<VisualLayer> l = p.clips().getFirst().layers();
      assertThat(l).hasSize(2);
      kinds.add(l.getFirst().getClass());
    }
    assertThat(kinds).containsExactlyInAnyOrder(VisualLayer.FillColor.class, VisualLayer.LinearGradient.class, VisualLayer.RadialGradient.class);
  }

  @Test
  void editlyBannerIsAGradientUnderTheThreeLineTitle() throws Exception {
    List<VisualLayer> l = layers("", "{type: 'editly-banner'}");
    assertThat(l.get(0)).isInstanceOf(VisualLayer.LinearGradient.class);
    assertThat(((VisualLayer.Title) l.get(1)).text()).isEqualTo("Made with\nEDITLY\nmifi.no");
  }
}
