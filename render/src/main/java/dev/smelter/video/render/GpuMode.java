package dev.smelter.video.render;

/** Where frames are composed: {@code off} = Skia raster (CPU), {@code on} = Skia GL over EGL, {@code auto} = GL when a real GPU is present. */
public enum GpuMode { AUTO, ON, OFF }
