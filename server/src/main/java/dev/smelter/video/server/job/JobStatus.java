package dev.smelter.video.server.job;

import com.fasterxml.jackson.annotation.JsonValue;

/** A job's life: queued → rendering → encoding → uploading → completed | failed | cancelled. */
public enum JobStatus {
  QUEUED, RENDERING, ENCODING, UPLOADING, COMPLETED, FAILED, CANCELLED;

  @JsonValue
  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static JobStatus parse(String s) {
    return valueOf(s.toUpperCase(java.util.Locale.ROOT));
  }

  public boolean terminal() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }

  /** A worker owns the job (a restart puts such jobs back in the queue). */
  public boolean active() {
    return this == RENDERING || this == ENCODING || this == UPLOADING;
  }
}
