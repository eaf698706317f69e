package dev.smelter.video.render.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smelter.video.render.fetch.AddressRanges.Reach;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shared SSRF rules (media fetcher and webhooks): each address form. */
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
}
