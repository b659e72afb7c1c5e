package dev.sumoclient.users.quota.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.sumoclient.users.QuotaKey;
import dev.sumoclient.users.QuotaPermit;
import dev.sumoclient.users.Quotas;
import dev.sumoclient.users.SumoClientException;
import dev.sumoclient.users.SumoConfigurationException;
import dev.sumoclient.users.SumoTimeoutException;
import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.emulator.SumoEmulator;
import dev.sumoclient.users.testing.redis.RedisServer;
import dev.sumoclient.users.testing.redis.TestCertificates;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code rediss://} with a password, on a real {@code redis-server} that speaks only TLS, with a CA
 * and server certificate made by the test: trusted, the coordinators share one budget; not trusted,
 * the call fails with a clear, typed error that never shows the password.
 */
class RedisTlsTest {
  private static final String PASSWORD = "tls-pw-5a4b3c";
  private static TestCertificates certificates;
  private static RedisServer redis;

  @BeforeAll
  static void startRedis() {
    RedisServer.assumeInstalled();
    certificates = TestCertificates.create();
    redis = RedisServer.startTls(certificates, "--requirepass", PASSWORD);
  }

  @AfterAll
  static void stopRedis() {
    if (redis != null) {
      redis.close();
    }
    if (certificates != null) {
      certificates.close();
    }
  }

  private static URI tlsUri() {
    return URI.create("rediss://:" + PASSWORD + "@127.0.0.1:" + redis.port());
  }

  @Test
  void coordinatorsTrustingTheCaShareOneBudgetOverTlsAndNoPasswordShows() throws Exception {
    Quotas quotas = Quotas.of(2, Duration.ofMinutes(1), 10);
    QuotaKey key = new QuotaKey("tls@example.com", "suTLS");
    try (LogCapture logs = new LogCapture();
        RedisQuotas first =
            RedisQuotas.builder(tlsUri())
                .trustedCertificates(certificates.caCertificate())
                .fallback(RedisQuotas.Fallback.FAIL_FAST)
                .build();
        RedisQuotas second =
            RedisQuotas.builder(tlsUri())
                .trustedCertificates(certificates.caCertificate())
                .fallback(RedisQuotas.Fallback.FAIL_FAST)
                .build()) {
      assertThat(first.isShared()).isTrue();
      assertThat(second.isShared()).isTrue();
      // Two JVMs' worth: the first spends the whole budget of the minute, the second gets none.
      try (QuotaPermit one = first.acquire(key, quotas, Duration.ofSeconds(5));
          QuotaPermit two = first.acquire(key, quotas, Duration.ofSeconds(5))) {
        one.sent();
        two.sent();
      }
      assertThatThrownBy(() -> second.acquire(key, quotas, Duration.ofMillis(200)))
          .isInstanceOf(SumoTimeoutException.class)
          .hasMessageContaining("rate budget is spent");
      assertThat(first.toString())
          .contains("rediss://127.0.0.1:" + redis.port())
          .contains("shared")
          .doesNotContain(PASSWORD);
      assertThat(logs.everything()).doesNotContain(PASSWORD);
    }
  }

  @Test
  void aClientServesCallsWithPermitsFromRedisOverTls() throws Exception {
    String accessId = "suTlsClient1";
    try (SumoEmulator emulator =
            SumoEmulator.builder().port(0).accessKey(accessId, "tls-key-1").seedUsers(1).start();
        RedisQuotas quotas =
            RedisQuotas.builder(tlsUri())
                .trustedCertificates(certificates.caCertificate())
                .fallback(RedisQuotas.Fallback.FAIL_FAST)
                .build()) {
      try (SumoUsersClient client =
          SumoUsersClient.builder()
              .endpoint(emulator.baseUri())
              .credentials(accessId, "tls-key-1")
              .quotaGroup("tls-client@example.com")
              .quotaCoordinator(quotas)
              .build()) {
        String id = emulator.users().get(0).id();
        assertThat(client.getUser(id).getId()).isEqualTo(id);
        assertThat(client.getUser(id).getId()).isEqualTo(id);
      }
      // FAIL_FAST: had Redis not answered over TLS, the calls would have failed.
      assertThat(quotas.isShared()).isTrue();
    }
  }

  @Test
  void aServerCertificateTheJvmDoesNotTrustFailsFastNamingTlsNeverThePassword() throws Exception {
    // No trustedCertificates: the JVM's own trust store, which does not hold the test's CA.
    try (LogCapture logs = new LogCapture();
        RedisQuotas quotas =
            RedisQuotas.builder(tlsUri()).fallback(RedisQuotas.Fallback.FAIL_FAST).build()) {
      assertThat(quotas.isShared()).isFalse();
      assertThatThrownBy(
              () ->
                  quotas.acquire(
                      new QuotaKey("tls@example.com", "suTLS"),
                      Quotas.sumoDefaults(),
                      Duration.ofSeconds(1)))
          .isInstanceOf(SumoClientException.class)
          .hasMessageContaining("rediss://127.0.0.1:" + redis.port())
          .hasMessageContaining("FAIL_FAST")
          .message()
          .doesNotContain(PASSWORD);
      assertThat(logs.messages(Level.WARN, "dev.sumoclient"))
          .singleElement()
          .asString()
          .contains("rediss://127.0.0.1:" + redis.port())
          .contains("TLS: SSLHandshakeException");
      assertThat(logs.everything()).doesNotContain(PASSWORD);
      assertThat(quotas.toString()).doesNotContain(PASSWORD);
    }
  }

  @Test
  void anUntrustedServerFallsBackInTheJvmWithOneWarning() throws Exception {
    try (LogCapture logs = new LogCapture();
        RedisQuotas quotas = RedisQuotas.connect(tlsUri())) {
      for (int i = 0; i < 3; i++) {
        quotas
            .acquire(
                new QuotaKey("tls@example.com", "suTLS"),
                Quotas.sumoDefaults(),
                Duration.ofSeconds(5))
            .close();
      }
      assertThat(quotas.isShared()).isFalse();
      assertThat(logs.messages(Level.WARN, "dev.sumoclient")).hasSize(1);
      assertThat(logs.everything()).doesNotContain(PASSWORD);
    }
  }

  @Test
  void aTrustFileWithoutCertificatesIsAConfigurationErrorNamingTheOption() throws Exception {
    Path notPem = Files.createTempFile("not-a-ca", ".pem");
    try {
      Files.writeString(notPem, "not a certificate\n");
      assertThatThrownBy(() -> RedisQuotas.builder(tlsUri()).trustedCertificates(notPem))
          .isInstanceOf(SumoConfigurationException.class)
          .hasMessageContaining("trustedCertificates")
          .hasMessageContaining(notPem.toString());
      Path missing = notPem.resolveSibling(notPem.getFileName() + ".absent");
      assertThatThrownBy(() -> RedisQuotas.builder(tlsUri()).trustedCertificates(missing))
          .isInstanceOf(SumoConfigurationException.class)
          .hasMessageContaining("trustedCertificates");
    } finally {
      Files.deleteIfExists(notPem);
    }
  }
}
