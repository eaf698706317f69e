package dev.smelter.video.plan;

/** How a picture is fitted to the frame (Editly {@code resizeMode}). */
public enum ResizeMode {
  /** Fit inside; letterbox areas stay transparent (black in the output). */
  CONTAIN("contain"),
  /** Fit inside over a stretched, box-blurred copy of the same picture (Editly's default). */
  CONTAIN_BLUR("contain-blur"),
  /** Fill the frame, centre-crop the overflow. */
  COVER("cover"),
  /** Fill the frame ignoring aspect ratio. */
  STRETCH("stretch");

  private final String editlyName;

  ResizeMode(String editlyName) {
    this.editlyName = editlyName;
  }

  public String editlyName() {
    return editlyName;
  }

  public static ResizeMode fromEditly(String name) {
    for (ResizeMode m : values()) if (m.editlyName.equals(name)) return m;
    throw new IllegalArgumentException("unknown resizeMode " + name);
  }
}
