package dev.smelter.video.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Signatures match the Standard Webhooks reference example; n8n's answers map to retry or stop. */
class WebhookRulesTest {
  @Test
  void signatureMatchesTheStandardWebhooksExample() {
    WebhookSigner signer = new WebhookSigner("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    assertThat(signer.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}"))
        .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void n8nAnswers() {
    assertThat(RetryDecision.of(200, "{\"message\":\"Workflow was started\"}")).isEqualTo(RetryDecision.DELIVERED);
    assertThat(RetryDecision.of(409, "The execution \"5\" is running already.")).isEqualTo(RetryDecision.RETRY);
    assertThat(RetryDecision.of(409, "The execution \"5\" has finished already.")).isEqualTo(RetryDecision.STOP);
    assertThat(RetryDecision.of(401, "{\"error\":\"Invalid token\"}")).isEqualTo(RetryDecision.STOP);
    assertThat(RetryDecision.of(404, "The execution \"5\" does not exist.")).isEqualTo(RetryDecision.STOP);
    assertThat(RetryDecision.of(429, "")).isEqualTo(RetryDecision.RETRY);
    assertThat(RetryDecision.of(502, "")).isEqualTo(RetryDecision.RETRY);
    assertThat(RetryDecision.of(0, "")).isEqualTo(RetryDecision.RETRY);
  }
}
