/**
 * Reading media with FFmpeg in-process (JavaCPP; never libavdevice): {@link
 * dev.smelter.video.render.media.FfmpegProbe} for what planning needs to know about a file, and
 * {@link dev.smelter.video.render.media.FfmpegVideoReader} decoding a video layer into RGBA frames
 * at the output rate, the way Editly's per-layer ffmpeg process does. FFmpeg's log goes to
 * {@code System.Logger "ffmpeg"} ({@link dev.smelter.video.render.ffmpeg.FfmpegLog}).
 */
package dev.smelter.video.render.media;

import dev.smelter.video.render.ffmpeg.FfmpegLog;
