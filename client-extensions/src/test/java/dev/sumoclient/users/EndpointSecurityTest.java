package dev.sumoclient.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointSecurityTest {
  private static SumoUsersClient.Builder builder(String endpoint) {
    return SumoUsersClient.builder()
        .endpoint(URI.create(endpoint))
        .credentials(TestClients.uniqueAccessId(), TestClients.ACCESS_KEY);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://api.us2.sumologic.com/api",
        "http://10.0.0.5:8080/api",
        "http://proxy/api"
      })
  void plainHttpToANonLoopbackHostIsRefused(String endpoint) {
    assertThatThrownBy(() -> builder(endpoint).build())
        .isInstanceOf(SumoConfigurationException.class)
        .hasMessageContaining("plain http")
        .hasMessageContaining("allowInsecureHttp");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"http://127.0.0.1:8080/api", "http://localhost:8080/api", "http://[::1]:8080/api"})
  void plainHttpToLoopbackIsAllowed(String endpoint) {
    try (SumoUsersClient client = builder(endpoint).build()) {
      assertThat(client.endpoint().getScheme()).isEqualTo("http");
    }
  }

  @Test
  void plainHttpElsewhereNeedsTheExplicitOptIn() {
    try (SumoUsersClient client =
        builder("http://gateway.internal:8080/api/").allowInsecureHttp(true).build()) {
      assertThat(client.endpoint()).isEqualTo(URI.create("http://gateway.internal:8080/api"));
    }
  }

  @Test
  void otherSchemesAreRefused() {
    assertThatThrownBy(() -> builder("ftp://api.sumologic.com/api").build())
        .isInstanceOf(SumoConfigurationException.class);
  }

  @Test
  void trailingSlashesAndAV1TailAreIgnored() {
    try (SumoUsersClient client = builder("https://api.eu.sumologic.com/api/v1/").build()) {
      assertThat(client.endpoint()).isEqualTo(URI.create("https://api.eu.sumologic.com/api"));
      assertThat(client.deployment()).contains(Deployment.EU);
    }
  }

  @Test
  void aClientNeedsADeploymentOrAnEndpoint() {
    assertThatThrownBy(
            () -> SumoUsersClient.builder().credentials("id", TestClients.ACCESS_KEY).build())
        .isInstanceOf(SumoConfigurationException.class)
        .hasMessageContaining("deployment(Deployment.US2)");
  }

  @Test
  void credentialsInsideTheEndpointAreRefusedWithoutEchoingThem() {
    assertThatThrownBy(
            () -> builder("https://suId:hunter2secret@api.us2.sumologic.com/api").build())
        .isInstanceOf(SumoConfigurationException.class)
        .hasMessageContaining("user information")
        .hasMessageNotContaining("hunter2secret");
  }
}
