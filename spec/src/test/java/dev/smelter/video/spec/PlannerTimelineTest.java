package dev.smelter.video.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.smelter.video.plan.Easing;
import dev.smelter.video.plan.FrameRef;
import dev.smelter.video.plan.MediaProbe;
import dev.smelter.video.plan.RenderPlan;
import java.io.IOException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Timeline numbers verified on a real Editly 0.14.2 install (frame counts and clip start frames). */
class PlannerTimelineTest {
  static final MediaProbe NO_MEDIA = f -> { throw new IOException("no media in this test"); };

  static RenderPlan plan(String json) throws SpecException {
    return new Planner(PlanOptions.defaults().withSeed(42), NO_MEDIA).plan(json);
  }

  static String fills(int n, String duration, String extra) {
    return IntStream.range(0, n)
        .mapToObj(i -> "{duration: " + duration + ", layers: [{type: 'fill-color', color: '#102030'}]}")
        .collect(Collectors.joining(",", "{" + extra + " clips: [", "]}"));
  }

  @Test
  void thirtyTwoFourSecondClipsWithHalfSecondFadesAre3375Frames() throws Exception {
    RenderPlan p = plan(fills(32, "4", "width: 64, height: 112, fps: 30, defaults: {transition: {name: 'fade', duration: 0.5}},"));
    assertThat(p.totalFrames()).isEqualTo(3375);
    assertThat(p.durationSeconds()).isEqualTo(112.5);
    assertThat(p.transitions()).allSatisfy(t -> assertThat(t.frames()).isEqualTo(15));
    assertThat(p.audio()).isEmpty(); // no keepSourceAudio, no tracks → no audio stream
  }

  @Test
  void gradientsExampleIs91Frames() throws Exception {
    RenderPlan p = plan(fills(4, "1", "fps: 25, defaults: {transition: {name: 'linearblur', duration: 0.1}},"));
    assertThat(p.output().width()).isEqualTo(640);
    assertThat(p.output().height()).isEqualTo(640);
    assertThat(p.totalFrames()).isEqualTo(91);
  }

  @Test
  void fractionalDurationsRoundPerClip() throws Exception {
    RenderPlan p = plan("""
        {width: 64, height: 112, fps: 30, defaults: {transition: null},
         clips: [{duration: 11.314688, layers: [{type: 'fill-color'}]},
                 {duration: 17.531813, layers: [{type: 'fill-color'}]},
                 {duration: 0.914, layers: [{type: 'fill-color'}]}]}""");
    // round(339.44) + round(525.95) + round(27.42)
    assertThat(p.totalFrames()).isEqualTo(339 + 526 + 27);
    assertThat(p.transitions()).allSatisfy(t -> assertThat(t.isNone()).isTrue());
    assertThat(p.clips().get(1).firstOutputFrame()).isEqualTo(339);
    assertThat(p.clips().get(2).startTime()).isCloseTo(11.314688 + 17.531813, within(1e-9));
  }

  @Test
  void transitionLongerThanClipsIsClampedToHalfOfBoth() throws Exception {
    RenderPlan p = plan("""
        {width: 64, height: 112, fps: 10,
         clips: [{duration: 1, transition: {name: 'fade', duration: 5}, layers: [{type: 'fill-color'}]},
                 {duration: 3, layers: [{type: 'fill-color'}]}]}""");
    assertThat(p.transitions().get(0).duration()).isEqualTo(0.5);
    assertThat(p.transitions().get(0).frames()).isEqualTo(5);
    assertThat(p.totalFrames()).isEqualTo(10 + 30 - 5);
  }

  @Test
  void nullTransitionAndZeroDurationAreHardCuts() throws Exception {
    RenderPlan p = plan("""
        {width: 64, height: 112, fps: 10, defaults: {transition: null},
         clips: [{duration: 1, transition: {name: 'fade'}, layers: [{type: 'fill-color'}]},
                 {duration: 1, transition: {name: 'fade', duration: 0}, layers: [{type: 'fill-color'}]},
                 {duration: 1, layers: [{type: 'fill-color'}]}]}""");
    assertThat(p.transitions()).allSatisfy(t -> assertThat(t.isNone()).isTrue());
    assertThat(p.totalFrames()).isEqualTo(30);
  }

  @Test
  void framesMapToClipFramesAndBlendProgressNeverReachesOne() throws Exception {
    RenderPlan p = plan("""
        {width: 64, height: 112, fps: 10,
         clips: [{duration: 2, transition: {name: 'fade', duration: 0.4}, layers: [{type: 'fill-color'}]},
                 {duration: 2, layers: [{type: 'fill-color'}]}]}""");
    assertThat(p.totalFrames()).isEqualTo(36);
    assertThat(p.frameAt(15)).isEqualTo(new FrameRef.Single(0, 15));
    FrameRef.Blend b0 = (FrameRef.Blend) p.frameAt(16);
    assertThat(b0.fromFrame()).isEqualTo(16);
    assertThat(b0.toFrame()).isZero();
    assertThat(b0.progress()).isZero();
    FrameRef.Blend b3 = (FrameRef.Blend) p.frameAt(19);
    assertThat(b3.fromFrame()).isEqualTo(19);
    assertThat(b3.toFrame()).isEqualTo(3);
    assertThat(b3.progress()).isEqualTo(0.75);
    assertThat(p.frameAt(20)).isEqualTo(new FrameRef.Single(1, 4));
    assertThat(p.frameAt(35)).isEqualTo(new FrameRef.Single(1, 19));
  }

  @Test
  void directionalAliasesResolveToDirectionalWithEaseOutExpo() throws Exception {
    RenderPlan p = plan("""
        {width: 64, height: 112, fps: 10,
         clips: [{duration: 2, transition: {name: 'directional-left', duration: 0.5, params: {direction: [5, 5]}}, layers: [{type: 'fill-color'}]},
                 {duration: 2, transition: {name: 'directional-down', duration: 0.5, easing: null}, layers: [{type: 'fill-color'}]},
                 {duration: 2, transition: {name: 'CrossZoom', duration: 0.5, params: {strength: 0.8}}, layers: [{type: 'fill-color'}]},
                 {duration: 2, layers: [{type: 'fill-color'}]}]}""");
    var t0 = p.transitions().get(0);
    assertThat(t0.name()).isEqualTo("directional");
    assertThat(t0.params().vector("direction")).containsExactly(1, 0);
    assertThat(t0.easing()).isEqualTo(Easing.EASE_OUT_EXPO);
    assertThat(p.transitions().get(1).params().vector("direction")).containsExactly(0, 1);
    assertThat(p.transitions().get(1).easing()).isEqualTo(Easing.LINEAR);
    assertThat(p.transitions().get(2).name()).isEqualTo("crosszoom");
    assertThat(p.transitions().get(2).params().scalar("strength", 0)).isEqualTo(0.8);
  }

  @Test
  void randomTransitionsAndColoursAreReproducibleFromTheSeed() throws Exception {
    String spec = fills(6, "1", "width: 64, height: 112, fps: 10,").replace("color: '#102030'", "");
    RenderPlan a = plan(spec);
    RenderPlan b = plan(spec);
    RenderPlan c = new Planner(PlanOptions.defaults().withSeed(7), NO_MEDIA).plan(spec);
    assertThat(a.seed()).isEqualTo(42);
    assertThat(a.transitions()).extracting(t -> t.name()).isEqualTo(b.transitions().stream().map(t -> t.name()).toList());
    assertThat(a.clips()).extracting(cl -> cl.layers().get(0)).isEqualTo(b.clips().stream().map(cl -> cl.layers().get(0)).toList());
    assertThat(a.transitions()).allSatisfy(t -> assertThat(t.requestedName()).isEqualTo("random"));
    assertThat(a.clips().stream().map(cl -> cl.layers().get(0)).toList())
        .isNotEqualTo(c.clips().stream().map(cl -> cl.layers().get(0)).toList());
  }

  @Test
  void outputSizeRules() throws Exception {
    assertThat(plan(fills(1, "1", "width: 300,")).output()).satisfies(o -> {
      assertThat(o.width()).isEqualTo(300);
      assertThat(o.height()).isEqualTo(300); // width without height and no video → square
      assertThat(o.fps().value()).isEqualTo(25);
    });
    assertThat(plan(fills(1, "1", "width: 1080, height: 1920, fps: 30, fast: true,")).output()).satisfies(o -> {
      assertThat(o.width()).isEqualTo(188);
      assertThat(o.height()).isEqualTo(334);
      assertThat(o.fps().value()).isEqualTo(15);
      assertThat(o.encode().preset()).isEqualTo("ultrafast");
    });
    assertThat(plan(fills(1, "1", "outPath: 'x.GIF',")).output()).satisfies(o -> {
      assertThat(o.format()).isEqualTo(dev.smelter.video.plan.OutputSpec.Format.GIF);
      assertThat(o.width()).isEqualTo(320);
      assertThat(o.fps().value()).isEqualTo(10);
    });
  }

  @Test
  void customOutputArgsMapToEncoderSettings() throws Exception {
    var e = plan(fills(1, "1", "width: 64, height: 112, customOutputArgs: ['-preset', 'medium', '-pix_fmt', 'yuv420p', '-crf', '23'],")).output().encode();
    assertThat(e.preset()).isEqualTo("medium");
    assertThat(e.crf()).isEqualTo(23);
  }

  @Test
  void losslessCrfZeroGetsAProfileThatCanCarryIt() throws Exception {
    var e = plan(fills(1, "1", "width: 64, height: 112, customOutputArgs: ['-crf', '0'],")).output().encode();
    assertThat(e.profile()).isEqualTo("high444");
  }

  @Test
  void onlyTheExactNameDirectionalDefaultsToEaseOutExpoLikeEditly() throws Exception {
    RenderPlan p = plan("""
        {width: 64, height: 112, fps: 10,
         clips: [{duration: 2, transition: {name: 'directional', duration: 0.5}, layers: [{type: 'fill-color'}]},
                 {duration: 2, transition: {name: 'Directional', duration: 0.5}, layers: [{type: 'fill-color'}]},
                 {duration: 2, transition: {name: 'directional-up', duration: 0.5}, layers: [{type: 'fill-color'}]},
                 {duration: 2, layers: [{type: 'fill-color'}]}]}""");
    assertThat(p.transitions()).extracting(t -> t.name()).containsOnly("directional");
    assertThat(p.transitions()).extracting(t -> t.easing()).containsExactly(Easing.EASE_OUT_EXPO, Easing.LINEAR, Easing.EASE_OUT_EXPO);
  }
}
