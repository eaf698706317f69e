/**
 * Writing the output file: {@link dev.smelter.video.render.encode.OutputWriter} (MP4 with H.264 and
 * AAC, or GIF), the encoder settings mapping ({@link dev.smelter.video.render.encode.H264Encoder})
 * and the start-up check of which H.264 encoders work here ({@link
 * dev.smelter.video.render.encode.EncoderProbe}).
 */
package dev.smelter.video.render.encode;
