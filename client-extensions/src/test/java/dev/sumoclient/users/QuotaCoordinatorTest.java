package dev.sumoclient.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the builder and the environment choose the quota coordinator and group. */
class QuotaCoordinatorTest {
  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  private Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>();
    env.put("SUMOLOGIC_BASE_URL", server.url("/api").toString());
    env.put("SUMOLOGIC_ACCESSID", "suEnvId");
    env.put("SUMOLOGIC_ACCESSKEY", TestClients.ACCESS_KEY);
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  @Test
  void aCoordinatorSetOnTheBuilderSeesEveryRequestWrittenThenClosed() {
    RecordingQuotaCoordinator coordinator = new RecordingQuotaCoordinator();
    server.enqueue(TestClients.json(200, TestClients.user("1")));
    server.enqueue(TestClients.json(200, TestClients.user("1")));
    try (SumoUsersClient client =
        SumoUsersClient.builder()
            .endpoint(server.url("/api").uri())
            .credentials("suOwnId", TestClients.ACCESS_KEY)
            .quotaCoordinator(coordinator)
            .build()) {
      client.getUser("1");
      client.updateUser(
          "1",
          new dev.sumoclient.users.generated.model.UpdateUserDefinition()
              .firstName("Ada")
              .lastName("Lovelace")
              .isActive(true)
              .roleIds(java.util.List.of("r1")));
    }
    assertThat(coordinator.keys).containsOnly(QuotaKey.of("suOwnId"));
    assertThat(coordinator.events)
        .containsExactly("acquire", "sent", "close", "acquire", "sent", "close");
    assertThat(coordinator.closed).as("a coordinator the caller gave stays open").isFalse();
  }

  @Test
  void aQuotaGroupNamesTheBudgetAndTheAccessIdStaysTheInFlightKey() {
    RecordingQuotaCoordinator coordinator = new RecordingQuotaCoordinator();
    server.enqueue(TestClients.json(200, TestClients.user("1")));
    try (SumoUsersClient client =
        SumoUsersClient.builder()
            .endpoint(server.url("/api").uri())
            .credentials("suOwnId", TestClients.ACCESS_KEY)
            .quotaCoordinator(coordinator)
            .quotaGroup("ops-automation@example.com")
            .build()) {
      client.getUser("1");
    }
    assertThat(coordinator.keys)
        .containsExactly(new QuotaKey("ops-automation@example.com", "suOwnId"));
  }

  @Test
  void theEnvironmentSetsTheGroupAndFindsTheCoordinatorThroughTheServiceLoader() {
    server.enqueue(TestClients.json(200, TestClients.user("1")));
    RecordingQuotaCoordinator created;
    try (SumoUsersClient client =
        SumoUsersClient.builder()
            .fromEnvironment(
                env(
                        "SUMOLOGIC_QUOTA_GROUP", "ops@example.com",
                        "SUMOLOGIC_QUOTA_REDIS_URL", "recording://:pw@127.0.0.1:1")
                    ::get)
            .build()) {
      created = RecordingQuotaCoordinator.CREATED.get(RecordingQuotaCoordinator.CREATED.size() - 1);
      client.getUser("1");
      assertThat(created.keys).containsExactly(new QuotaKey("ops@example.com", "suEnvId"));
      assertThat(created.closed).isFalse();
    }
    assertThat(created.closed).as("the client closes the coordinator it created").isTrue();
  }

  @Test
  void aQuotaUrlWithoutAProviderFailsTheBuildNamingTheVariableNotThePassword() {
    assertThatThrownBy(
            () ->
                SumoUsersClient.builder()
                    .fromEnvironment(
                        env("SUMOLOGIC_QUOTA_REDIS_URL", "redis://user:s3cretPw@127.0.0.1:6379")
                            ::get)
                    .build())
        .isInstanceOf(SumoConfigurationException.class)
        .hasMessageContaining("SUMOLOGIC_QUOTA_REDIS_URL")
        .hasMessageContaining("sumo-users-quota-redis")
        .hasMessageNotContaining("s3cretPw");
  }

  @Test
  void aCoordinatorOnTheBuilderWinsOverTheEnvironmentAndNoneIsCreated() {
    int before = RecordingQuotaCoordinator.CREATED.size();
    RecordingQuotaCoordinator mine = new RecordingQuotaCoordinator();
    server.enqueue(TestClients.json(200, TestClients.user("1")));
    try (SumoUsersClient client =
        SumoUsersClient.builder()
            .quotaCoordinator(mine)
            .quotaGroup("mine")
            .fromEnvironment(
                env(
                        "SUMOLOGIC_QUOTA_GROUP", "theirs",
                        "SUMOLOGIC_QUOTA_REDIS_URL", "recording://127.0.0.1:1")
                    ::get)
            .build()) {
      client.getUser("1");
    }
    assertThat(RecordingQuotaCoordinator.CREATED).hasSize(before);
    assertThat(mine.keys).containsExactly(new QuotaKey("mine", "suEnvId"));
  }

  @Test
  void aBlankGroupIsRefusedNamingTheField() {
    assertThatThrownBy(() -> SumoUsersClient.builder().quotaGroup(" "))
        .isInstanceOf(SumoValidationException.class)
        .hasMessageContaining("quotaGroup");
    assertThatThrownBy(
            () ->
                SumoUsersClient.builder()
                    .fromEnvironment(env("SUMOLOGIC_QUOTA_GROUP", "a\nb")::get))
        .isInstanceOf(SumoValidationException.class)
        .hasMessageContaining("SUMOLOGIC_QUOTA_GROUP");
  }
}
