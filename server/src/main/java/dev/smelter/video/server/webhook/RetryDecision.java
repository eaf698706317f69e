package dev.smelter.video.server.webhook;

import java.util.Locale;

/**
 * Which answers end a delivery. Tuned for n8n's Wait node: 2xx resumed it; 409 "running already"
 * means the execution has not reached its Wait node yet (retry), any other 409 means it finished
 * (the URL is spent: stop); 401/403/404 cannot get better; 5xx, 429 and no answer are retried.
 */
enum RetryDecision {
  DELIVERED, RETRY, STOP;

  static RetryDecision of(int status, String body) {
    if (status >= 200 && status < 300) return DELIVERED;
    if (status == 0 || status == 429 || status >= 500 || status == 408) return RETRY;
    if (status == 409) return body.toLowerCase(Locale.ROOT).contains("running already") ? RETRY : STOP;
    return STOP;
  }
}
