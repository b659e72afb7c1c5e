package dev.sumoclient.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

class QuickStartTest {
  @Test
  void theQuickStartListsCreatesAndDeletesWithAnExplicitContentChoice() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
      server.enqueue(TestClients.json(200, "{\"data\":[" + TestClients.user("1") + "]}"));
      server.enqueue(TestClients.json(200, TestClients.user("77", "ada@example.com")));
      server.enqueue(new MockResponse().setResponseCode(204));
      Map<String, String> env =
          Map.of(
              "SUMOLOGIC_BASE_URL", server.url("/api").toString(),
              "SUMOLOGIC_ACCESSID", TestClients.uniqueAccessId(),
              "SUMOLOGIC_ACCESSKEY", TestClients.ACCESS_KEY);
      assertThat(QuickStart.run(env::get)).isEqualTo("77");
      assertThat(server.takeRequest().getPath()).isEqualTo("/api/v1/users");
      assertThat(server.takeRequest().getMethod()).isEqualTo("POST");
      assertThat(server.takeRequest().getPath()).isEqualTo("/api/v1/users/77");
    }
  }
}
