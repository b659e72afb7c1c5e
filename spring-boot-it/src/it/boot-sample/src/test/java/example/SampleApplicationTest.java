package example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.emulator.SumoEmulator;
import dev.sumoclient.users.spring.boot.test.AutoConfigureSumoEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureSumoEmulator(seedUsers = 5)
class SampleApplicationTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Autowired SampleApplication.UserDirectory directory;
  @Autowired SumoUsersClient client;
  @Autowired SumoEmulator emulator;
  @Autowired Environment environment;

  // readme:begin
  @Test
  void theServiceTalksToTheEmulator() {
    assertThat(directory.countUsers()).isEqualTo(5);
    assertThat(emulator.journal().requests()).isNotEmpty();
  }

  // readme:end

  @Test
  void theClientsMetersAppearInTheMetricsEndpoint() throws Exception {
    directory.countUsers();
    HttpResponse<String> metrics = get("/actuator/metrics/sumo.users.client.requests");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("\"COUNT\"").contains("listUsers");
  }

  @Test
  void theHealthEndpointAnswersForTheClient() throws Exception {
    HttpResponse<String> health = get("/actuator/health/sumoUsers");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"");
  }

  @Test
  void theClientUsesItsOwnJacksonNextToTheFrameworks() throws Exception {
    // The client keeps its Jackson 2, whose version Spring Boot's BOM aligns; Spring Boot 4's web
    // stack uses Jackson 3 (tools.jackson) next to it.
    assertThat(Class.forName("com.fasterxml.jackson.databind.ObjectMapper")).isNotNull();
    String frameworkJackson = BootLine.current().frameworkJackson;
    if (frameworkJackson != null) {
      assertThat(Class.forName(frameworkJackson)).isNotNull();
    }
    String id = emulator.users().get(0).id();
    assertThat(client.getUser(id).getEmail()).isEqualTo(emulator.users().get(0).email());
    assertThat(emulator.journal().requests().get(0).headers().get("user-agent").get(0))
        .contains("sample-service/1.0");
  }

  private HttpResponse<String> get(String path) throws Exception {
    String port = environment.getRequiredProperty("local.server.port");
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
