package dev.sumoclient.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
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

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://myId:SECRET@api.sumologic.com/api",
        "http://myId:SECRET@gateway.corp:8080/api",
        "https://myId:SECRET@api.us2.sumologic.com/api",
        "https://myId:SECRET@api.us2.sumologic.com/api?x=1",
        "https://myId:SECRET@api.us2.sumologic.com/api#frag",
        "mailto:myId:SECRET@example.com"
      })
  void noConfigurationErrorEverEchoesUserInformation(String endpoint) {
    assertThatThrownBy(() -> builder(endpoint).build())
        .isInstanceOf(SumoConfigurationException.class)
        .hasMessageNotContaining("SECRET")
        .hasMessageNotContaining("myId");
    assertThatThrownBy(
            () ->
                SumoUsersClient.builder()
                    .fromEnvironment(
                        name ->
                            switch (name) {
                              case "SUMOLOGIC_BASE_URL" -> endpoint;
                              case "SUMOLOGIC_ACCESSID" -> TestClients.uniqueAccessId();
                              case "SUMOLOGIC_ACCESSKEY" -> TestClients.ACCESS_KEY;
                              default -> null;
                            })
                    .build())
        .isInstanceOf(SumoException.class)
        .hasMessageNotContaining("SECRET")
        .hasMessageNotContaining("myId");
  }

  @Test
  void aRedirectToALocationWithUserInformationNeverEchoesIt() throws Exception {
    try (okhttp3.mockwebserver.MockWebServer server = new okhttp3.mockwebserver.MockWebServer()) {
      server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
      for (String location :
          List.of(
              "https://myId:SECRET@api.eu.sumologic.com/api/v1/users/1",
              "http://myId:SECRET@evil.example.com/api/v1/users/1")) {
        server.enqueue(
            new okhttp3.mockwebserver.MockResponse()
                .setResponseCode(301)
                .setHeader("Location", location));
        try (SumoUsersClient client =
            TestClients.against(server, new FakeTime()).followDeploymentRedirects(true).build()) {
          assertThatThrownBy(() -> client.getUser("1"))
              .isInstanceOf(SumoWrongDeploymentException.class)
              .hasMessageNotContaining("SECRET")
              .hasMessageNotContaining("myId");
        }
      }
    }
  }
}
