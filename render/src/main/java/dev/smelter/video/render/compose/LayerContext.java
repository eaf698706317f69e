package dev.smelter.video.render.compose;

import dev.smelter.video.plan.Rational;

/**
 * What painters of one job share: output size and rate, options, fonts, the video decoder seam, the
 * GL thread of shader layers.
 */
record LayerContext(int width, int height, Rational fps, CompositorOptions options, JobFonts fonts, VideoSourceFactory videos, ShaderThreads shaders) {}
