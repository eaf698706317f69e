/**
 * Plumbing shared by every FFmpeg user in the renderer (media decoding, the audio chain,
 * encoding): readable errors from FFmpeg return codes, and FFmpeg's log routed to
 * {@code System.Logger}.
 */
package dev.smelter.video.render.ffmpeg;
