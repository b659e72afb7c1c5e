package dev.sumoclient.users;

import static dev.sumoclient.users.TestClients.json;
import static dev.sumoclient.users.TestClients.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

class CredentialsTest {
  private static final String KEY = TestClients.ACCESS_KEY;

  @Test
  void toStringNeverShowsTheKey() {
    Credentials credentials = Credentials.of("suABC", KEY);
    assertThat(credentials.toString()).contains("suABC").doesNotContain(KEY);
    assertThat(CredentialsProvider.of("suABC", KEY).toString()).doesNotContain(KEY);
  }

  @Test
  void blankPartsAreRefusedNamingEachField() {
    assertThatThrownBy(() -> Credentials.of(" ", ""))
        .isInstanceOf(SumoValidationException.class)
        .hasMessageContaining("accessId: must not be blank")
        .hasMessageContaining("accessKey: must not be blank");
  }

  @Test
  void theEnvironmentProviderReadsTheTerraformNamesThenTheAliases() {
    Credentials primary =
        CredentialsProvider.environment(
                Map.of(
                        "SUMOLOGIC_ACCESSID", "idA",
                        "SUMOLOGIC_ACCESSKEY", "keyA",
                        "SUMO_ACCESS_ID", "idB",
                        "SUMO_ACCESS_KEY", "keyB")
                    ::get)
            .resolveCredentials();
    assertThat(primary.accessId()).isEqualTo("idA");
    assertThat(primary.accessKey()).isEqualTo("keyA");
    Credentials alias =
        CredentialsProvider.environment(
                Map.of("SUMO_ACCESS_ID", "idB", "SUMO_ACCESS_KEY", "keyB")::get)
            .resolveCredentials();
    assertThat(alias.accessId()).isEqualTo("idB");
  }

  @Test
  void theSystemPropertyProviderReadsItsNames() {
    Credentials c =
        CredentialsProvider.systemProperties(
                Map.of("sumologic.accessId", "idP", "sumologic.accessKey", "keyP")::get)
            .resolveCredentials();
    assertThat(c.accessId()).isEqualTo("idP");
  }

  @Test
  void buildFailsWithoutCredentialsNamingEverySourceTried() {
    SumoUsersClient.Builder builder =
        SumoUsersClient.builder()
            .deployment(Deployment.US2)
            .credentialsProvider(
                CredentialsProvider.chain(
                    CredentialsProvider.systemProperties(Map.<String, String>of()::get),
                    CredentialsProvider.environment(Map.of("SUMOLOGIC_ACCESSID", "half")::get)));
    assertThatThrownBy(builder::build)
        .isInstanceOf(SumoConfigurationException.class)
        .hasMessageContaining("sumologic.accessId/sumologic.accessKey")
        .hasMessageContaining("SUMOLOGIC_ACCESSID/SUMOLOGIC_ACCESSKEY")
        .hasMessageContaining("SUMO_ACCESS_ID/SUMO_ACCESS_KEY")
        .hasMessageContaining("SUMOLOGIC_ACCESSKEY is missing or blank");
  }

  @Test
  void fromEnvironmentTakesDeploymentAndCredentials() {
    Map<String, String> env =
        Map.of(
            "SUMOLOGIC_ENVIRONMENT", "de",
            "SUMOLOGIC_ACCESSID", "suEnvId",
            "SUMOLOGIC_ACCESSKEY", "envKey");
    try (SumoUsersClient client = SumoUsersClient.builder().fromEnvironment(env::get).build()) {
      assertThat(client.deployment()).contains(Deployment.DE);
      assertThat(client.endpoint().toString()).isEqualTo("https://api.de.sumologic.com/api");
      assertThat(client.toString()).contains("suEnvId").doesNotContain("envKey");
    }
  }

  @Test
  void fromEnvironmentTakesALocalBaseUrlAsTheEndpoint() {
    Map<String, String> env =
        Map.of(
            "SUMOLOGIC_BASE_URL", "http://127.0.0.1:9/api/",
            "SUMO_ACCESS_ID", "suEnvId",
            "SUMO_ACCESS_KEY", "envKey");
    try (SumoUsersClient client = SumoUsersClient.builder().fromEnvironment(env::get).build()) {
      assertThat(client.deployment()).isEmpty();
      assertThat(client.endpoint().toString()).isEqualTo("http://127.0.0.1:9/api");
    }
  }

  @Test
  void fromEnvironmentWithoutADeploymentSaysWhichVariablesWereRead() {
    Map<String, String> env = Map.of("SUMO_ACCESS_ID", "id", "SUMO_ACCESS_KEY", "key");
    assertThatThrownBy(() -> SumoUsersClient.builder().fromEnvironment(env::get).build())
        .isInstanceOf(SumoConfigurationException.class)
        .hasMessageContaining(
            "sumologic.environment, sumologic.baseUrl, SUMOLOGIC_ENVIRONMENT, SUMOLOGIC_BASE_URL,"
                + " SUMO_ENDPOINT");
  }

  @Test
  void systemPropertiesComeBeforeEnvironmentVariables() {
    Map<String, String> props =
        Map.of(
            "sumologic.environment", "jp",
            "sumologic.accessId", "suPropId",
            "sumologic.accessKey", "propKey");
    Map<String, String> env =
        Map.of(
            "SUMOLOGIC_ENVIRONMENT", "de",
            "SUMOLOGIC_ACCESSID", "suEnvId",
            "SUMOLOGIC_ACCESSKEY", "envKey");
    try (SumoUsersClient client =
        SumoUsersClient.builder().fromSources(props::get, env::get).build()) {
      assertThat(client.deployment()).contains(Deployment.JP);
      assertThat(client.toString()).contains("suPropId");
    }
  }

  @Test
  void theProviderIsAskedPerRequestSoARotatedKeyIsUsedAtOnce()
      throws IOException, InterruptedException {
    AtomicReference<Credentials> current = new AtomicReference<>(Credentials.of("suRot", "key-1"));
    try (MockWebServer server = new MockWebServer()) {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
      server.enqueue(json(200, user("1")));
      server.enqueue(json(200, user("1")));
      server.enqueue(json(200, user("1")));
      server.enqueue(json(200, user("1")));
      try (SumoUsersClient client =
          SumoUsersClient.builder()
              .endpoint(server.url("/api").uri())
              .credentialsProvider(current::get)
              .rateLimiting(false)
              .build()) {
        client.getUser("1");
        current.set(Credentials.of("suRot", "key-2"));
        client.getUser("1");
        client.getUser("1");
        // The header is cached per credentials instance; a rotation back must still be seen.
        current.set(Credentials.of("suRot", "key-1"));
        client.getUser("1");
      }
      assertThat(server.takeRequest().getHeader("Authorization"))
          .isEqualTo(basic("suRot", "key-1"));
      assertThat(server.takeRequest().getHeader("Authorization"))
          .isEqualTo(basic("suRot", "key-2"));
      assertThat(server.takeRequest().getHeader("Authorization"))
          .isEqualTo(basic("suRot", "key-2"));
      assertThat(server.takeRequest().getHeader("Authorization"))
          .isEqualTo(basic("suRot", "key-1"));
    }
  }

  private static String basic(String id, String key) {
    return "Basic "
        + Base64.getEncoder().encodeToString((id + ":" + key).getBytes(StandardCharsets.UTF_8));
  }
}
