package dev.sumoclient.users.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The switches over HTTP, for tools that cannot call the Java API. */
class AdminEndpointTest {
  private SumoEmulator emulator;
  private Api api;
  private Api admin;

  @BeforeEach
  void start() {
    emulator = SumoEmulator.builder().seedUsers(5).start();
    api = new Api(emulator);
    admin = new Api(URI.create(emulator.adminUri().toString()), null);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void stateShowsUsersLimitsFaultsAndJournal() {
    api.get("/v1/users");
    JsonNode state = admin.get("").json();
    assertThat(state.get("users").asInt()).isEqualTo(5);
    assertThat(state.at("/limits/enabled").asBoolean()).isFalse();
    assertThat(state.at("/journal/size").asInt()).isEqualTo(1);
  }

  @Test
  void limitsAreSwitchedOnWithTheirNumbers() {
    JsonNode limits =
        admin
            .put("/limits", Map.of("enabled", true, "requestsPerSecond", 1, "retryAfter", true))
            .json();
    assertThat(limits.get("requestsPerSecond").asInt()).isEqualTo(1);
    assertThat(emulator.limits().enabled()).isTrue();
    api.get("/v1/users");
    Api.Response limited = api.get("/v1/users");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isNotNull();
  }

  @Test
  void faultsAreSetAndCleared() {
    admin.put(
        "/faults",
        Map.of(
            "failNext",
            Map.of("count", 1, "status", 500),
            "wrongDeployment",
            "https://api.eu.sumologic.com/api"));
    assertThat(api.get("/v1/users").status()).as("redirect comes first").isEqualTo(301);
    JsonNode cleared = admin.send("DELETE", "/faults", null).json();
    assertThat(cleared.get("wrongDeployment").isNull()).isTrue();
    assertThat(api.get("/v1/users").status()).isEqualTo(200);

    admin.put("/faults", Map.of("failNext", Map.of("count", 1, "status", 502), "latencyMillis", 1));
    assertThat(api.get("/v1/users").status()).isEqualTo(502);
    assertThat(emulator.faults().latency().toMillis()).isEqualTo(1);
  }

  @Test
  void badAdminInputIsA400NamingTheField() {
    Api.Response response = admin.put("/limits", Map.of("requestsPerSecond", "many"));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("error").asText()).contains("requestsPerSecond");
    assertThat(admin.put("/faults", Map.of("failNext", Map.of("count", 1, "status", 200))).status())
        .isEqualTo(400);
    assertThat(admin.get("/nothing-here").status()).isEqualTo(404);
    assertThat(admin.send("DELETE", "/limits", null).status()).isEqualTo(405);
  }

  @Test
  void journalAndRecordsAreReadableAndTheJournalClearable() {
    EmulatedUser user = emulator.users().get(0);
    api.post("/v1/users/" + user.id() + "/password/reset", null);
    api.post("/v1/users/" + user.id() + "/email/requestChange", Map.of("email", "x@example.org"));
    api.delete("/v1/users/" + emulator.users().get(1).id() + "?deleteContent=true");
    assertThat(admin.get("/journal").json()).hasSize(3);
    assertThat(admin.get("/password-resets").json().get(0).get("userId").asText())
        .isEqualTo(user.id());
    assertThat(admin.get("/email-changes").json().get(0).get("status").asText())
        .isEqualTo("PENDING");
    assertThat(admin.get("/content-transfers").json().get(0).get("disposition").asText())
        .isEqualTo("DELETED");
    admin.send("DELETE", "/journal", null);
    assertThat(emulator.journal().size()).isZero();

    assertThat(admin.put("/journal", Map.of("enabled", false)).json().get("enabled").asBoolean())
        .isFalse();
    api.get("/v1/users");
    assertThat(emulator.journal().size()).as("recording is off").isZero();
    admin.put("/journal", Map.of("enabled", true));
    api.get("/v1/users");
    assertThat(emulator.journal().size()).isEqualTo(1);
  }

  @Test
  void usersCanBeLockedGivenMfaAndHaveEmailChangesConfirmed() {
    EmulatedUser user = emulator.users().get(2);
    assertThat(admin.post("/users/" + user.id() + "/lock", null).json().get("isLocked").asBoolean())
        .isTrue();
    assertThat(
            admin
                .post("/users/" + user.id() + "/mfa/enable", null)
                .json()
                .get("isMfaEnabled")
                .asBoolean())
        .isTrue();
    api.post(
        "/v1/users/" + user.id() + "/email/requestChange", Map.of("email", "moved@example.org"));
    JsonNode confirmed = admin.post("/users/" + user.id() + "/email-change/confirm", null).json();
    assertThat(confirmed.get("email").asText()).isEqualTo("moved@example.org");
    assertThat(admin.post("/users/" + user.id() + "/email-change/confirm", null).status())
        .isEqualTo(400);
    assertThat(admin.post("/users/NOPE/lock", null).status()).isEqualTo(404);
  }

  @Test
  void resetRestoresTheSeedUsersAndForgetsEverything() {
    String seeded = emulator.users().get(0).id();
    api.delete("/v1/users/" + seeded);
    api.post("/v1/users", Api.newUser("Extra", "User", "extra@example.org"));
    emulator.faults().latency(java.time.Duration.ofMillis(5));
    admin.post("/reset", null);
    assertThat(emulator.users()).hasSize(5);
    assertThat(emulator.user(seeded)).isPresent();
    assertThat(emulator.userByEmail("extra@example.org")).isEmpty();
    assertThat(emulator.contentTransfers()).isEmpty();
    assertThat(emulator.faults().latency()).isZero();
    assertThat(emulator.journal().size()).isZero();
  }

  @Test
  void shutdownStopsTheEmulator() throws Exception {
    assertThat(admin.post("/shutdown", null).status()).isEqualTo(200);
    emulator.awaitClose();
    assertThat(emulator.isClosed()).isTrue();
  }
}
