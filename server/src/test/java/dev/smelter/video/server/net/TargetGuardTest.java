package dev.smelter.video.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The webhook side of the SSRF rules: the allow-list, the check that pins the address, and redaction
 * (the address ranges themselves: render's AddressRangesTest).
 */
class TargetGuardTest {
  @Test
  void theAllowListTakesNamesPatternsAddressesAndRanges() throws Exception {
    AllowedHosts allowed = AllowedHosts.parse(List.of("n8n", "*.internal.example", "172.18.0.5", "10.0.0.0/8", "fd00::/8", " "), "s");
    InetAddress docker = InetAddress.getByName("172.18.0.9");
    assertThat(allowed.permits("n8n", docker)).isTrue();
    assertThat(allowed.permits("N8N.", docker)).isTrue();
    assertThat(allowed.permits("hooks.internal.example", docker)).isTrue();
    assertThat(allowed.permits("internal.example", docker)).isFalse();
    assertThat(allowed.permits("other", docker)).isFalse();
    assertThat(allowed.permits("other", InetAddress.getByName("172.18.0.5"))).isTrue();
    assertThat(allowed.permits("other", InetAddress.getByName("10.200.3.4"))).isTrue();
    assertThat(allowed.permits("other", InetAddress.getByName("11.0.0.1"))).isFalse();
    assertThat(allowed.permits("other", InetAddress.getByName("fd12::1"))).isTrue();
    assertThat(allowed.permits("other", InetAddress.getByName("fe80::1"))).isFalse();
    assertThat(AllowedHosts.parse(List.of(), "s").isEmpty()).isTrue();
    assertThatThrownBy(() -> AllowedHosts.parse(List.of("10.0.0.0/33"), "smelter.webhook.allowed-hosts"))
        .hasMessageContaining("smelter.webhook.allowed-hosts").hasMessageContaining("10.0.0.0/33");
    assertThatThrownBy(() -> AllowedHosts.parse(List.of("http://n8n:5678"), "s")).hasMessageContaining("neither a host name");
  }

  @Test
  void theGuardRefusesNeverTargetsEvenWhenAllowedAndReturnsTheCheckedAddress() throws Exception {
    TargetGuard guard = new TargetGuard(AllowedHosts.parse(List.of("metadata.internal", "n8n", "127.0.0.1"), "smelter.webhook.allowed-hosts"),
        host -> switch (host) {
          case "metadata.internal" -> new InetAddress[] {InetAddress.getByName("169.254.169.254")};
          case "n8n" -> new InetAddress[] {InetAddress.getByName("172.18.0.5")};
          case "mixed.example" -> new InetAddress[] {InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.1")};
          case "public.example" -> new InetAddress[] {InetAddress.getByName("93.184.216.34")};
          default -> InetAddress.getAllByName(host);
        }, "smelter.webhook.allowed-hosts");
    assertThat(guard.check(URI.create("http://n8n:5678/webhook-waiting/7")).getHostAddress()).isEqualTo("172.18.0.5");
    assertThat(guard.check(URI.create("https://public.example/hook")).getHostAddress()).isEqualTo("93.184.216.34");
    assertThat(guard.check(URI.create("http://127.0.0.1:5678/")).getHostAddress()).isEqualTo("127.0.0.1");
    assertThatThrownBy(() -> guard.check(URI.create("http://metadata.internal/latest/meta-data/")))
        .isInstanceOf(TargetGuard.RefusedException.class).hasMessageContaining("169.254.169.254").hasMessageContaining("never");
    // One internal address among public ones is enough to refuse: the connection could go to any of them.
    assertThatThrownBy(() -> guard.check(URI.create("http://mixed.example/"))).hasMessageContaining("10.0.0.1")
        .hasMessageContaining("smelter.webhook.allowed-hosts");
    for (String url : List.of("http://[::1]/", "http://[::ffff:10.0.0.1]/", "http://[::127.0.0.1]/", "http://[64:ff9b::a00:1]/",
        "http://[2002:a00:1::]/", "http://[fe80::1]/", "http://0.0.0.0/", "http://[::ffff:169.254.169.254]/", "http://192.168.0.1/")) {
      assertThatThrownBy(() -> guard.check(URI.create(url))).as(url).isInstanceOf(TargetGuard.RefusedException.class);
    }
    assertThatThrownBy(() -> guard.check(URI.create("ftp://public.example/"))).hasMessageContaining("http(s)");
    assertThatThrownBy(() -> guard.check(URI.create("/relative"))).isInstanceOf(TargetGuard.RefusedException.class);
  }

  @Test
  void eachCheckResolvesAgain() throws Exception {
    AtomicInteger lookups = new AtomicInteger();
    // Public on the first lookup, loopback on the second: DNS rebinding.
    TargetGuard guard = new TargetGuard(AllowedHosts.NONE, host -> new InetAddress[] {
        InetAddress.getByName(lookups.getAndIncrement() == 0 ? "93.184.216.34" : "127.0.0.1")}, "smelter.webhook.allowed-hosts");
    URI uri = URI.create("http://rebind.example/hook");
    assertThat(guard.check(uri).getHostAddress()).isEqualTo("93.184.216.34");
    assertThatThrownBy(() -> guard.check(uri)).hasMessageContaining("127.0.0.1");
    TargetGuard unknown = new TargetGuard(AllowedHosts.NONE, host -> {
      throw new UnknownHostException(host);
    }, "s");
    assertThatThrownBy(() -> unknown.check(uri)).isInstanceOf(UnknownHostException.class);
  }

  @Test
  void urlsAreShownWithoutCredentialsOrSecretParameters() {
    assertThat(UrlRedaction.redact("http://user:pw@n8n:5678/webhook-waiting/7?signature=abc%2F&x=1#f"))
        .isEqualTo("http://***@n8n:5678/webhook-waiting/7?signature=***&x=1#f");
    assertThat(UrlRedaction.redact("https://h/p?token=t&api_key=k&X-Amz-Signature=s&X-Amz-Credential=c&page=2&flag"))
        .isEqualTo("https://h/p?token=***&api_key=***&X-Amz-Signature=***&X-Amz-Credential=***&page=2&flag");
    assertThat(UrlRedaction.redact("http://h:1/a@b?x=1")).isEqualTo("http://h:1/a@b?x=1");
    assertThat(UrlRedaction.redact("http://plain.example/hook")).isEqualTo("http://plain.example/hook");
  }
}
