package dev.smelter.video.cli;

import dev.smelter.video.server.fleet.FleetRedis;
import dev.smelter.video.server.webhook.WebhookSecret;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code smelter-video webhook-secret}: prints the secret the service signs webhooks with, so a
 * receiver (n8n, a Standard Webhooks library) can verify them. Looks where {@code serve} looks: the
 * configured secret ({@code SMELTER_WEBHOOK_SECRET}), else the fleet's in Redis, else the data
 * folder's; a missing one is generated and stored as the service's first start would.
 */
@Command(name = "webhook-secret", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Print the webhook signing secret (Standard Webhooks, whsec_…); see docs/security.md.")
final class WebhookSecretCommand implements Callable<Integer> {
  @Option(names = "--data-dir", description = "The service's data folder (default ./data, env SMELTER_DATA_DIR).") Path dataDir;

  @Option(names = "--redis", description = "Fleet mode: the fleet's Redis, " + ServeCommand.REDIS_URL_FORMS
      + " (env SMELTER_REDIS_URL).") String redis;

  @Option(names = "--namespace", description = "Fleet mode: the key prefix (default smelter:, env SMELTER_REDIS_NAMESPACE).")
  String namespace;

  @Override
  public Integer call() {
    String configured = System.getenv("SMELTER_WEBHOOK_SECRET");
    if (configured != null && !configured.isBlank()) {
      System.out.println(configured.strip());
      return 0;
    }
    String url = Optional.ofNullable(redis).orElse(System.getenv("SMELTER_REDIS_URL"));
    try {
      if (url != null && !url.isBlank()) {
        String ns = Optional.ofNullable(namespace).or(() -> Optional.ofNullable(System.getenv("SMELTER_REDIS_NAMESPACE"))).orElse("smelter:");
        try (FleetRedis fleet = new FleetRedis(url, ns, "webhook-secret-cli")) {
          System.out.println(WebhookSecret.inRedis(fleet));
        }
        return 0;
      }
      Path dir = Optional.ofNullable(dataDir).orElse(Path.of(Optional.ofNullable(System.getenv("SMELTER_DATA_DIR")).orElse("data")));
      System.out.println(WebhookSecret.inFolder(dir));
      return 0;
    } catch (IOException | RuntimeException e) {
      System.err.println("smelter-video webhook-secret: " + e.getMessage());
      return 1;
    }
  }
}
