package dev.smelter.video.server.fleet;

import java.time.Instant;
import java.util.List;

/** A job that failed for good: its last error, one line per failed attempt, and when it failed. */
public record DeadLetter(String entryId, String jobId, int attempts, String error, List<String> errors, Instant failedAt) {}
