/**
 * The resolved, frame-exact render plan: pure immutable data produced from an Editly spec.
 *
 * <p>Everything a renderer needs is decided here (sizes, frame counts, defaults, seeded random
 * choices, transition frame counts, the audio graph), so timeline math is testable without pixels
 * and every engine (Skia raster, Skia GL, ...) consumes the same plan.
 */
package dev.smelter.video.plan;
