/**
 * The Skia frame compositor: draws each output frame of a {@link dev.smelter.video.plan.RenderPlan}
 * the way Editly 0.14.2 does (layer types, fitting, Ken Burns, Fabric text metrics, transitions),
 * thread-safe for frame-parallel rendering and with per-clip resources released as the pipeline
 * advances. Entry point: {@link dev.smelter.video.render.compose.FrameCompositor}.
 */
package dev.smelter.video.render.compose;
