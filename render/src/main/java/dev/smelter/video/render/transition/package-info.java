/**
 * gl-transitions effects Editly uses, re-implemented from their behaviour for Skia: canvas
 * operations where the effect is affine or linear (cheap on the CPU), SkSL runtime effects where it
 * is a per-pixel warp. Coordinates follow Editly's orientation quirk (uv.y = 0 is the top row).
 * Look-up by name: {@link dev.smelter.video.render.transition.Transitions}.
 */
package dev.smelter.video.render.transition;
