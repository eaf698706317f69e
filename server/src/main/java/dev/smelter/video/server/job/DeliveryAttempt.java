package dev.smelter.video.server.job;

import java.time.Instant;

/** One try to deliver a webhook: the HTTP status (0 = no answer) and what happened. */
public record DeliveryAttempt(Instant at, String url, int status, String outcome) {}
