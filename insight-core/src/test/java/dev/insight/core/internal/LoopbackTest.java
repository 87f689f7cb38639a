package dev.insight.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoopbackTest {

  @Test
  void requestToItself_fromItselfOrWithoutOrigin_isServed() {
    assertThat(Loopback.refusal(8017, "127.0.0.1:8017", null)).isNull();
    assertThat(Loopback.refusal(8017, "LOCALHOST:8017", "http://localhost:8017")).isNull();
    assertThat(Loopback.refusal(8017, "127.0.0.1:8017", "http://127.0.0.1:8017")).isNull();
  }

  @Test
  void anotherHost_orNone_isRefused_againstDnsRebinding() {
    assertThat(Loopback.refusal(8017, "attacker.example:8017", null))
        .isEqualTo("refused: this server answers only requests addressed to 127.0.0.1:8017");
    assertThat(Loopback.refusal(8017, "127.0.0.1:9000", null)).isNotNull();
    assertThat(Loopback.refusal(8017, null, null)).isNotNull();
  }

  @Test
  void anotherOrigin_includingNullAndHttps_isRefused() {
    assertThat(Loopback.refusal(8017, "127.0.0.1:8017", "http://evil.example"))
        .isEqualTo("refused: requests from another origin (http://evil.example) are not accepted");
    assertThat(Loopback.refusal(8017, "127.0.0.1:8017", "null")).isNotNull();
    assertThat(Loopback.refusal(8017, "127.0.0.1:8017", "https://127.0.0.1:8017")).isNotNull();
    assertThat(Loopback.refusal(8017, "127.0.0.1:8017", "http://127.0.0.1:8018")).isNotNull();
  }

  @Test
  void headers_forbidFramingSniffingAndCaching() {
    assertThat(Loopback.headers("default-src 'none'")).containsEntry("Content-Security-Policy", "default-src 'none'")
        .containsEntry("X-Frame-Options", "DENY").containsEntry("X-Content-Type-Options", "nosniff")
        .containsEntry("Cache-Control", "no-store").containsEntry("Referrer-Policy", "no-referrer");
  }
}
