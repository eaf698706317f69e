/**
 * Editly's {@code gl} layers: GLSL ES 1.0 fragment shaders drawn on a full-screen quad in a headless
 * GL context owned by one dedicated thread per render, and read back as RGBA frames in Editly's
 * pixel order (upright, mirrored left to right, one pixel on).
 */
package dev.smelter.video.render.shader;
