package dev.smelter.video.render.gpu;

import static org.lwjgl.egl.EGL15.EGL_ALPHA_SIZE;
import static org.lwjgl.egl.EGL15.EGL_BLUE_SIZE;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_MAJOR_VERSION;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_MINOR_VERSION;
import static org.lwjgl.egl.EGL15.EGL_DEFAULT_DISPLAY;
import static org.lwjgl.egl.EGL15.EGL_GREEN_SIZE;
import static org.lwjgl.egl.EGL15.EGL_NONE;
import static org.lwjgl.egl.EGL15.EGL_NO_CONTEXT;
import static org.lwjgl.egl.EGL15.EGL_NO_DISPLAY;
import static org.lwjgl.egl.EGL15.EGL_NO_SURFACE;
import static org.lwjgl.egl.EGL15.EGL_OPENGL_API;
import static org.lwjgl.egl.EGL15.EGL_OPENGL_BIT;
import static org.lwjgl.egl.EGL15.EGL_PBUFFER_BIT;
import static org.lwjgl.egl.EGL15.EGL_RED_SIZE;
import static org.lwjgl.egl.EGL15.EGL_RENDERABLE_TYPE;
import static org.lwjgl.egl.EGL15.EGL_SURFACE_TYPE;
import static org.lwjgl.egl.EGL15.EGL_VENDOR;
import static org.lwjgl.egl.EGL15.eglBindAPI;
import static org.lwjgl.egl.EGL15.eglChooseConfig;
import static org.lwjgl.egl.EGL15.eglCreateContext;
import static org.lwjgl.egl.EGL15.eglDestroyContext;
import static org.lwjgl.egl.EGL15.eglGetDisplay;
import static org.lwjgl.egl.EGL15.eglGetError;
import static org.lwjgl.egl.EGL15.eglInitialize;
import static org.lwjgl.egl.EGL15.eglMakeCurrent;
import static org.lwjgl.egl.EGL15.eglQueryString;
import static org.lwjgl.egl.EGL15.eglTerminate;

import io.github.humbleui.skija.DirectContext;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.lwjgl.PointerBuffer;
import org.lwjgl.egl.EGL;
import org.lwjgl.opengl.GL;
import org.lwjgl.opengl.GL11;
import org.lwjgl.system.JNI;
import org.lwjgl.system.MemoryStack;

import static org.lwjgl.system.MemoryUtil.memAddress;

/**
 * A headless OpenGL context (EGL, no window, no X server) made current on the creating thread, with
 * a Skia {@link DirectContext} on it. On a CPU-only host Mesa's llvmpipe provides it
 * ({@code EGL_PLATFORM=surfaceless}); on a GPU host the vendor's EGL does.
 */
public final class EglContext implements AutoCloseable {
  private final long display;
  private final long context;
  private final DirectContext skia;
  private final String renderer;
  private final String vendor;

  private EglContext(long display, long context, DirectContext skia, String renderer, String vendor) {
    this.display = display;
    this.context = context;
    this.skia = skia;
    this.renderer = renderer;
    this.vendor = vendor;
  }

  /**
   * Creates the context on the calling thread, or explains why there is none. Displays are tried
   * in order: each EGL device (a GPU is preferred over a software rasteriser — on a headless NVIDIA
   * host this is how the GPU is found), then Mesa's surfaceless platform, then the default display.
   */
  public static EglContext open() throws GpuUnavailableException {
    List<Long> devices;
    List<Long> fallbacks;
    try {
      devices = deviceDisplays();
      fallbacks = fallbackDisplays(devices);
    } catch (Throwable e) { // libEGL missing: UnsatisfiedLinkError and friends
      throw new GpuUnavailableException("no EGL library: " + e.getMessage());
    }
    EglContext software = null;
    GpuUnavailableException last = new GpuUnavailableException("no EGL display");
    for (long display : devices) {
      try {
        EglContext c = openOn(display);
        if (!isSoftware(c.renderer())) {
          if (software != null) {
            software.makeCurrent(); // a GL context may only be released while current
            software.close();
            c.makeCurrent();
          }
          return c;
        }
        if (software == null) {
          software = c;
        } else {
          c.close(); // c is current here
          software.makeCurrent();
        }
      } catch (GpuUnavailableException e) {
        last = e;
      }
    }
    if (software != null) return software;
    for (long display : fallbacks) {
      try {
        return openOn(display);
      } catch (GpuUnavailableException e) {
        last = e;
      }
    }
    throw last;
  }

  private static EglContext openOn(long display) throws GpuUnavailableException {
    if (display == EGL_NO_DISPLAY) throw new GpuUnavailableException("no EGL display (error 0x" + Integer.toHexString(eglGetError()) + ")");
    try (MemoryStack s = MemoryStack.stackPush()) {
      IntBuffer major = s.mallocInt(1), minor = s.mallocInt(1);
      synchronized (DISPLAY_USERS) { // not between another context's last release and its eglTerminate
        if (!eglInitialize(display, major, minor)) {
          throw new GpuUnavailableException("eglInitialize failed (0x" + Integer.toHexString(eglGetError()) + ")");
        }
        acquire(display);
      }
      EGL.createDisplayCapabilities(display, major.get(0), minor.get(0));
      eglBindAPI(EGL_OPENGL_API);
      IntBuffer attrs = s.ints(EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT,
          EGL_RED_SIZE, 8, EGL_GREEN_SIZE, 8, EGL_BLUE_SIZE, 8, EGL_ALPHA_SIZE, 8, EGL_NONE);
      PointerBuffer configs = s.mallocPointer(1);
      IntBuffer count = s.mallocInt(1);
      if (!eglChooseConfig(display, attrs, configs, count) || count.get(0) == 0) {
        release(display);
        throw new GpuUnavailableException("no suitable EGL config");
      }
      long context = eglCreateContext(display, configs.get(0), EGL_NO_CONTEXT,
          s.ints(EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 3, EGL_NONE));
      if (context == EGL_NO_CONTEXT || !eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context)) {
        release(display);
        throw new GpuUnavailableException("cannot create a surfaceless GL context (0x" + Integer.toHexString(eglGetError()) + ")");
      }
      GL.createCapabilities();
      String renderer = String.valueOf(GL11.glGetString(GL11.GL_RENDERER));
      String vendor = String.valueOf(eglQueryString(display, EGL_VENDOR));
      DirectContext skia = DirectContext.makeGL();
      return new EglContext(display, context, skia, renderer, vendor);
    }
  }

  private void makeCurrent() {
    eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context);
    GL.createCapabilities();
  }

  /** One display per EGL device (EGL_EXT_device_enumeration + EGL_EXT_platform_device). */
  private static List<Long> deviceDisplays() {
    List<Long> out = new ArrayList<>();
    long getPlatformDisplay = EGL.getFunctionProvider().getFunctionAddress("eglGetPlatformDisplayEXT");
    long queryDevices = EGL.getFunctionProvider().getFunctionAddress("eglQueryDevicesEXT");
    if (getPlatformDisplay == 0 || queryDevices == 0) return out;
    try (MemoryStack s = MemoryStack.stackPush()) {
      PointerBuffer devices = s.mallocPointer(16);
      IntBuffer count = s.mallocInt(1);
      if (JNI.callPPZ(16, memAddress(devices), memAddress(count), queryDevices)) {
        for (int i = 0; i < count.get(0); i++) {
          long d = JNI.callPPP(EGL_PLATFORM_DEVICE_EXT, devices.get(i), 0L, getPlatformDisplay);
          if (d != EGL_NO_DISPLAY && !out.contains(d)) out.add(d);
        }
      }
    }
    return out;
  }

  /**
   * Mesa's surfaceless platform (no X/Wayland needed: spares users from exporting
   * {@code EGL_PLATFORM=surfaceless}), then the default display.
   */
  private static List<Long> fallbackDisplays(List<Long> taken) {
    List<Long> out = new ArrayList<>();
    long getPlatformDisplay = EGL.getFunctionProvider().getFunctionAddress("eglGetPlatformDisplayEXT");
    boolean noWindowSystem = System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null;
    if (getPlatformDisplay != 0 && noWindowSystem) {
      long d = JNI.callPPP(EGL_PLATFORM_SURFACELESS_MESA, 0L, 0L, getPlatformDisplay);
      if (d != EGL_NO_DISPLAY && !taken.contains(d)) out.add(d);
    }
    long d = eglGetDisplay(EGL_DEFAULT_DISPLAY);
    if (d != EGL_NO_DISPLAY && !taken.contains(d) && !out.contains(d)) out.add(d);
    return out;
  }

  private static final int EGL_PLATFORM_DEVICE_EXT = 0x313F;

  private static final int EGL_PLATFORM_SURFACELESS_MESA = 0x31DD;

  /** Probes once: which GL renderer a context would get, without keeping it. */
  public static Optional<String> probeRenderer() {
    try (EglContext c = open()) {
      return Optional.of(c.renderer());
    } catch (GpuUnavailableException | RuntimeException | LinkageError e) {
      return Optional.empty();
    }
  }

  /** Software rasterisers (Mesa llvmpipe/softpipe/swrast) are not a GPU. */
  public static boolean isSoftware(String renderer) {
    String r = renderer.toLowerCase(Locale.ROOT);
    return r.contains("llvmpipe") || r.contains("softpipe") || r.contains("swrast") || r.contains("software");
  }

  public DirectContext skia() {
    return skia;
  }

  public String renderer() {
    return renderer;
  }

  public String vendor() {
    return vendor;
  }

  @Override
  public void close() {
    skia.abandon();
    skia.close();
    eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    eglDestroyContext(display, context);
    release(display);
    GL.setCapabilities(null);
  }

  /**
   * Contexts on other threads (a shader layer's, the GL frame engine's) share one EGLDisplay, and
   * eglTerminate ends it for all of them: terminate only when the last context is gone.
   */
  private static final java.util.Map<Long, Integer> DISPLAY_USERS = new java.util.HashMap<>();

  private static void acquire(long display) {
    synchronized (DISPLAY_USERS) {
      DISPLAY_USERS.merge(display, 1, Integer::sum);
    }
  }

  private static void release(long display) {
    synchronized (DISPLAY_USERS) {
      if (DISPLAY_USERS.merge(display, -1, Integer::sum) <= 0) {
        DISPLAY_USERS.remove(display);
        eglTerminate(display);
      }
    }
  }
}
