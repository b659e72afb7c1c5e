package dev.sumoclient.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeploymentTest {
  @ParameterizedTest
  @CsvSource({
    "AU, https://api.au.sumologic.com/api",
    "CA, https://api.ca.sumologic.com/api",
    "CH, https://api.ch.sumologic.com/api",
    "DE, https://api.de.sumologic.com/api",
    "ESC, https://api.esc.sumologic.com/api",
    "EU, https://api.eu.sumologic.com/api",
    "FED, https://api.fed.sumologic.com/api",
    "IN, https://api.in.sumologic.com/api",
    "JP, https://api.jp.sumologic.com/api",
    "KR, https://api.kr.sumologic.com/api",
    "US1, https://api.sumologic.com/api",
    "US2, https://api.us2.sumologic.com/api",
    "ZRH, https://api.zrh.sumologic.com/api"
  })
  void everyKnownDeploymentHasItsApiBaseUrl(String code, String url) {
    Deployment deployment = Deployment.of(code);
    assertThat(deployment.isKnown()).isTrue();
    assertThat(deployment.code()).isEqualTo(code);
    assertThat(deployment.apiBaseUri()).isEqualTo(URI.create(url));
    assertThat(Deployment.knownDeployments()).contains(deployment);
  }

  @Test
  void thereAreThirteenKnownDeploymentsAsConstants() {
    assertThat(Deployment.knownDeployments())
        .containsExactly(
            Deployment.AU,
            Deployment.CA,
            Deployment.CH,
            Deployment.DE,
            Deployment.ESC,
            Deployment.EU,
            Deployment.FED,
            Deployment.IN,
            Deployment.JP,
            Deployment.KR,
            Deployment.US1,
            Deployment.US2,
            Deployment.ZRH);
  }

  @Test
  void anUnknownCodeIsStillADeployment() {
    Deployment future = Deployment.of(" mars1 ");
    assertThat(future.code()).isEqualTo("MARS1");
    assertThat(future.isKnown()).isFalse();
    assertThat(future.apiBaseUri()).isEqualTo(URI.create("https://api.mars1.sumologic.com/api"));
    assertThat(future).isEqualTo(Deployment.of("MARS1")).hasSameHashCodeAs(Deployment.of("mars1"));
  }

  @Test
  void parsingIsLenient() {
    Map<String, Deployment> cases =
        Map.ofEntries(
            Map.entry("us2", Deployment.US2),
            Map.entry("  Eu  ", Deployment.EU),
            Map.entry("api.us2.sumologic.com", Deployment.US2),
            Map.entry("API.US2.SUMOLOGIC.COM", Deployment.US2),
            Map.entry("https://service.us2.sumologic.com", Deployment.US2),
            Map.entry("https://api.sumologic.com/api/", Deployment.US1),
            Map.entry("https://service.sumologic.com", Deployment.US1),
            Map.entry("https://api.de.sumologic.com/api/v1", Deployment.DE),
            Map.entry("https://api.jp.sumologic.com/api/v1/", Deployment.JP),
            Map.entry("api.fed.sumologic.com/", Deployment.FED),
            Map.entry("https://api.zrh.sumologic.com///", Deployment.ZRH));
    cases.forEach(
        (text, expected) -> assertThat(Deployment.parse(text)).as(text).isEqualTo(expected));
  }

  @Test
  void parsingRefusesTextThatNamesNoDeploymentNamingTheField() {
    assertThatThrownBy(() -> Deployment.parse("  "))
        .isInstanceOf(SumoValidationException.class)
        .hasMessageContaining("deployment: must not be blank");
    assertThatThrownBy(() -> Deployment.parse("https://example.com/api"))
        .isInstanceOf(SumoValidationException.class)
        .hasMessageContaining("deployment")
        .hasMessageContaining("example.com");
    assertThatThrownBy(() -> Deployment.of("us 2")).isInstanceOf(SumoValidationException.class);
  }

  @Test
  void hostsMapToDeploymentsAndForeignHostsToNothing() {
    assertThat(Deployment.forHost("api.eu.sumologic.com")).contains(Deployment.EU);
    assertThat(Deployment.forHost("api.sumologic.com")).contains(Deployment.US1);
    assertThat(Deployment.forHost("api.eu.sumologic.com.evil.example")).isEmpty();
    assertThat(Deployment.forHost("evilsumologic.com")).isEmpty();
    assertThat(Deployment.forHost("a.b.c.sumologic.com")).isEmpty();
  }

  @Test
  void theEnvironmentNamesTheDeployment() {
    assertThat(Deployment.fromEnvironment(Map.of("SUMOLOGIC_ENVIRONMENT", "kr")::get))
        .contains(Deployment.KR);
    assertThat(
            Deployment.fromEnvironment(
                Map.of("SUMOLOGIC_BASE_URL", "https://api.ca.sumologic.com/api/")::get))
        .contains(Deployment.CA);
    assertThat(Deployment.fromEnvironment(Map.of("SUMO_ENDPOINT", "api.in.sumologic.com")::get))
        .contains(Deployment.IN);
    assertThat(Deployment.fromEnvironment(Map.<String, String>of()::get)).isEmpty();
    assertThatThrownBy(() -> Deployment.fromEnvironment(Map.of("SUMOLOGIC_ENVIRONMENT", "?!")::get))
        .isInstanceOf(SumoValidationException.class)
        .hasMessageContaining("SUMOLOGIC_ENVIRONMENT");
  }
}
