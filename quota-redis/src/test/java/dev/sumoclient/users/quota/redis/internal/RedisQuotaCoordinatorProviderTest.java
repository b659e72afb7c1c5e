package dev.sumoclient.users.quota.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumoclient.users.QuotaCoordinator;
import dev.sumoclient.users.SumoClientException;
import dev.sumoclient.users.SumoConfigurationException;
import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.quota.redis.RedisQuotas;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fallback settings the README documents for SUMOLOGIC_QUOTA_REDIS_URL users, read from where
 * the URL was read.
 */
class RedisQuotaCoordinatorProviderTest {
  /** Nothing listens on port 1: the coordinator starts falling back, which toString names. */
  private static final URI NO_REDIS = URI.create("redis://127.0.0.1:1");

  private static String configured(Map<String, String> properties, Map<String, String> env) {
    try (QuotaCoordinator quotas =
        new RedisQuotaCoordinatorProvider().create(NO_REDIS, properties::get, env::get)) {
      assertThat(quotas).isInstanceOf(RedisQuotas.class);
      return quotas.toString();
    }
  }

  @Test
  void aClientGivenItsEnvironmentTakesTheFallbackPolicyFromThatEnvironment() {
    Map<String, String> env =
        Map.of(
            "SUMOLOGIC_BASE_URL", "http://127.0.0.1:1/api",
            "SUMOLOGIC_ACCESSID", "suProviderEnv",
            "SUMOLOGIC_ACCESSKEY", "provider-env-access-key",
            "SUMOLOGIC_QUOTA_REDIS_URL", NO_REDIS.toString(),
            "SUMOLOGIC_QUOTA_REDIS_FALLBACK", "fail-fast");
    try (SumoUsersClient client =
        SumoUsersClient.builder()
            .fromEnvironment(env::get)
            .callTimeout(Duration.ofSeconds(5))
            .build()) {
      assertThatThrownBy(() -> client.getUser("0000000000000001"))
          .isInstanceOf(SumoClientException.class)
          .hasMessageContaining("FAIL_FAST");
    }
  }

  @Test
  void withNothingSetTheFallbackIsInJvmAtHalfTheQuotas() {
    assertThat(configured(Map.of(), Map.of())).contains("fallback=IN_JVM at 50%");
  }

  @Test
  void theEnvironmentSetsPolicyAndShareAndASystemPropertyWins() {
    assertThat(configured(Map.of(), Map.of("SUMOLOGIC_QUOTA_REDIS_FALLBACK", "FAIL_FAST")))
        .contains("fallback=FAIL_FAST");
    assertThat(
            configured(
                Map.of("sumologic.quotaRedisFallbackShare", "0.25"),
                Map.of(
                    "SUMOLOGIC_QUOTA_REDIS_FALLBACK", " in-jvm ",
                    "SUMOLOGIC_QUOTA_REDIS_FALLBACK_SHARE", "0.75")))
        .contains("fallback=IN_JVM at 25%");
  }

  @Test
  void anUnknownPolicyOrShareIsRefusedNamingTheVariable() {
    assertThatThrownBy(
            () -> configured(Map.of(), Map.of("SUMOLOGIC_QUOTA_REDIS_FALLBACK", "sometimes")))
        .isInstanceOf(SumoConfigurationException.class)
        .hasMessageContaining("SUMOLOGIC_QUOTA_REDIS_FALLBACK")
        .hasMessageContaining("in-jvm or fail-fast");
    assertThatThrownBy(
            () -> configured(Map.of(), Map.of("SUMOLOGIC_QUOTA_REDIS_FALLBACK_SHARE", "half")))
        .isInstanceOf(SumoConfigurationException.class)
        .hasMessageContaining("SUMOLOGIC_QUOTA_REDIS_FALLBACK_SHARE");
    assertThatThrownBy(
            () -> configured(Map.of(), Map.of("SUMOLOGIC_QUOTA_REDIS_FALLBACK_SHARE", "1.5")))
        .isInstanceOf(SumoConfigurationException.class)
        .hasMessageContaining("fallbackShare");
  }
}
