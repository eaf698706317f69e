package dev.smelter.video.server.webhook;

import dev.smelter.video.server.ServiceProperties;
import dev.smelter.video.server.fleet.FleetRedis;
import io.lettuce.core.SetArgs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * The secret every webhook is signed with. A configured {@code smelter.webhook.secret} wins;
 * otherwise one is generated at first start and kept: in {@code <data-dir>/webhook-secret} (mode
 * 0600) for a single box, in Redis for a fleet, because API nodes and workers all deliver webhooks
 * and must sign alike (anyone who can read that Redis can change jobs anyway). {@code smelter-video
 * webhook-secret} prints it.
 */
public final class WebhookSecret {
  public static final String FILE = "webhook-secret";
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private WebhookSecret() {}

  /** The secret to sign with under these settings; generates and stores it the first time. */
  public static String resolve(ServiceProperties props, Optional<FleetRedis> fleet) throws IOException {
    if (!props.webhook().secret().isBlank()) return props.webhook().secret().strip();
    if (props.redis().enabled()) return inRedis(fleet.orElseThrow(() -> new IllegalStateException("fleet mode without Redis")));
    return inFolder(props.dataDir());
  }

  /** A Standard Webhooks secret: {@code whsec_} and 32 random bytes in base64. */
  static String generate() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return "whsec_" + Base64.getEncoder().encodeToString(key);
  }

  /** The secret in {@code dataDir}, created (owner-only) if missing; several processes starting at once agree on one. */
  public static String inFolder(Path dataDir) throws IOException {
    Path file = dataDir.resolve(FILE);
    if (!Files.exists(file)) {
      Files.createDirectories(dataDir);
      Path tmp = dataDir.resolve(FILE + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp");
      try {
        Files.writeString(ownerOnly(tmp), generate() + "\n", StandardCharsets.US_ASCII);
        Files.createLink(file, tmp); // fails if another process was first: then its secret is the one
      } catch (FileAlreadyExistsException lost) {
        // keep the other one
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
    restrict(file);
    return valid(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
  }

  /** The fleet's secret in Redis ({@code SET NX}: the first node to start generates it). */
  public static String inRedis(FleetRedis redis) {
    String key = redis.keys().webhookSecret();
    redis.commands().set(key, generate(), SetArgs.Builder.nx());
    return valid(redis.commands().get(key), "Redis key " + key);
  }

  private static Path ownerOnly(Path tmp) throws IOException {
    try {
      return Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    } catch (UnsupportedOperationException notPosix) {
      return Files.createFile(tmp);
    }
  }

  /** A secret file someone loosened (a copy, a restore) is made owner-only again. */
  private static void restrict(Path file) throws IOException {
    try {
      if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) Files.setPosixFilePermissions(file, OWNER_ONLY);
    } catch (UnsupportedOperationException notPosix) {
      // nothing to tighten
    }
  }

  private static String valid(String secret, String where) {
    if (secret == null || secret.isBlank()) throw new IllegalStateException("the webhook secret in " + where + " is empty");
    if (secret.startsWith("whsec_")) {
      try {
        Base64.getDecoder().decode(secret.substring(6));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("the webhook secret in " + where + " is not whsec_<base64>");
      }
    }
    return secret;
  }
}
