package dev.smelter.video.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Remote media settings: the refusal names the setting to turn on; the allow-list matches hosts exactly or by suffix. */
class RemoteHostsTest {
  private static final URI PRODUCT = URI.create("https://tempfile.aiquickdraw.com/p/9eac0c74bd5c46e49b776a1b48b0df72_1752390673.mp4");

  @Test
  void offByDefaultAndTheRefusalSaysWhatToSet() {
    assertThat(new RemoteHosts(false, List.of()).refusal(PRODUCT)).hasValueSatisfying(m -> assertThat(m)
        .contains("smelter.security.allow-remote=true", "smelter.security.remote-hosts=tempfile.aiquickdraw.com"));
  }

  @Test
  void anEmptyListAllowsEveryHostTheFetcherAccepts() {
    assertThat(new RemoteHosts(true, List.of()).refusal(PRODUCT)).isEmpty();
  }

  @Test
  void theListMatchesExactNamesAndSubdomainPatterns() {
    RemoteHosts exact = new RemoteHosts(true, List.of(" TempFile.AIQuickDraw.com "));
    assertThat(exact.refusal(PRODUCT)).isEmpty();
    assertThat(exact.refusal(URI.create("https://tempfile.aiquickdraw.com./x.mp4"))).isEmpty();
    assertThat(exact.refusal(URI.create("https://evil.example/x.mp4"))).hasValueSatisfying(m -> assertThat(m)
        .contains("evil.example", "smelter.security.remote-hosts", "tempfile.aiquickdraw.com"));
    assertThat(exact.refusal(URI.create("https://cdn.tempfile.aiquickdraw.com/x.mp4"))).isPresent();
    RemoteHosts wildcard = new RemoteHosts(true, List.of("*.aiquickdraw.com"));
    assertThat(wildcard.refusal(PRODUCT)).isEmpty();
    assertThat(wildcard.refusal(URI.create("https://aiquickdraw.com.evil.example/x.mp4"))).isPresent();
    assertThat(wildcard.refusal(URI.create("https://notaiquickdraw.com/x.mp4"))).isPresent();
  }
}
