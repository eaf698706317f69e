/**
 * Every gl-transitions effect Editly 0.14.2 accepts (gl-transitions 1.71.0, 125 names, plus
 * {@code dummy}), re-implemented from its behaviour for Skia: canvas operations where the effect is
 * affine or linear (cheap on the CPU), otherwise one SkSL program per transition, a resource file
 * {@code sksl/<Name>.sksl} read by {@link dev.smelter.video.render.transition.TransitionShaders},
 * whose declared params arrive as uniforms of the same name. Coordinates follow Editly's
 * orientation quirk (uv.y = 0 is the top row). Look-up by name: {@link dev.smelter.video.render.transition.Transitions}.
 */
package dev.smelter.video.render.transition;
