package dev.smelter.video.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smelter.video.server.net.AddressRanges.Reach;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shared SSRF rules: each address form, the allow-list, and the check that pins the address. */
class AddressRangesTest {
  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
      // IPv4
      "8.8.8.8, PUBLIC", "93.184.216.34, PUBLIC", "127.0.0.1, INTERNAL", "127.255.0.9, INTERNAL", "10.1.2.3, INTERNAL",
      "172.16.0.1, INTERNAL", "172.31.255.255, INTERNAL", "172.32.0.1, PUBLIC", "192.168.1.1, INTERNAL",
      "100.64.0.1, INTERNAL", "100.100.100.200, INTERNAL", "100.128.0.1, PUBLIC", "192.0.0.8, INTERNAL", "192.0.2.1, INTERNAL",
      "198.18.0.1, INTERNAL", "198.51.100.7, INTERNAL", "203.0.113.9, INTERNAL",
      "169.254.169.254, NEVER", "169.254.0.1, NEVER", "0.0.0.0, NEVER", "0.1.2.3, NEVER", "224.0.0.1, NEVER", "239.1.1.1, NEVER",
      "240.0.0.1, NEVER", "255.255.255.255, NEVER",
      // IPv6
      "2606:4700:4700::1111, PUBLIC", "::1, INTERNAL", "::, NEVER", "fe80::1, NEVER", "febf::1, NEVER", "fec0::1, INTERNAL",
      "fc00::1, INTERNAL", "fd00:ec2::254, INTERNAL", "ff02::1, NEVER", "2001:db8::1, INTERNAL", "2001:0:4136:e378::1, INTERNAL",
      "100::1, INTERNAL", "64:ff9b:1::1, INTERNAL",
      // IPv4 inside IPv6: judged by the IPv4 address
      "::ffff:127.0.0.1, INTERNAL", "::ffff:169.254.169.254, NEVER", "::ffff:8.8.8.8, PUBLIC",
      "::127.0.0.1, INTERNAL", "::10.0.0.1, INTERNAL", "::169.254.169.254, NEVER", "::8.8.8.8, PUBLIC",
      "64:ff9b::7f00:1, INTERNAL", "64:ff9b::a9fe:a9fe, NEVER", "64:ff9b::192.168.0.1, INTERNAL", "64:ff9b::808:808, PUBLIC",
      "2002:7f00:1::, INTERNAL", "2002:a9fe:a9fe::1, NEVER", "2002:c0a8:101::1, INTERNAL", "2002:808:808::1, PUBLIC"})
  void classifiesEveryForm(String address, Reach expected) throws Exception {
    assertThat(AddressRanges.of(InetAddress.getByName(address))).isEqualTo(expected);
    assertThat(AddressRanges.internal(InetAddress.getByName(address))).isEqualTo(expected != Reach.PUBLIC);
  }

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
