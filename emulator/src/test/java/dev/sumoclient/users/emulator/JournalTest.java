package dev.sumoclient.users.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JournalTest {
  private static final String KEY = "very-secret-access-key-1234";

  private SumoEmulator emulator;
  private Api api;

  @BeforeEach
  void start() {
    emulator = SumoEmulator.builder().accessKey("suJournal", KEY).seedUsers(3).start();
    api = new Api(emulator);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void recordsMethodPathQueryHeadersBodyCallerAndStatus() {
    api.send("GET", "/v1/users?limit=2&sortBy=-email", null, Map.of("X-Trace", "t-1"));
    RecordedRequest recorded = emulator.journal().last().orElseThrow();
    assertThat(recorded.method()).isEqualTo("GET");
    assertThat(recorded.path()).isEqualTo("/api/v1/users");
    assertThat(recorded.queryParameter("limit")).hasValue("2");
    assertThat(recorded.queryParameter("sortBy")).hasValue("-email");
    assertThat(recorded.header("x-trace")).hasValue("t-1");
    assertThat(recorded.accessId()).isEqualTo("suJournal");
    assertThat(recorded.status()).isEqualTo(200);
    assertThat(recorded.sequence()).isEqualTo(1);

    api.post("/v1/users", Map.of("firstName", "A"));
    RecordedRequest create = emulator.journal().last().orElseThrow();
    assertThat(create.body()).contains("\"firstName\":\"A\"");
    assertThat(create.status()).isEqualTo(400);
    assertThat(emulator.journal().requests("POST", "/api/v1/users")).containsExactly(create);
  }

  @Test
  void neverKeepsCredentialsOrMfaPasswords() {
    EmulatedUser user = emulator.enableMfa(emulator.users().get(0).id());
    api.send(
        "PUT",
        "/v1/users/" + user.id() + "/mfa/disable",
        Map.of("email", user.email(), "password", "correct-horse-battery"),
        Map.of("X-Api-Key", KEY, "Cookie", "session=abc"));
    api.send(
        "PUT",
        "/v1/users/" + user.id() + "/mfa/disable",
        "password=correct-horse-battery",
        Map.of("Content-Type", "text/plain"));
    List<RecordedRequest> requests = emulator.journal().requests();
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).body()).contains("\"password\":\"****\"").contains(user.email());
    assertThat(requests.get(0).status()).isEqualTo(204);
    for (RecordedRequest request : requests) {
      String everything = request.headers() + request.body() + request;
      assertThat(everything)
          .doesNotContain("correct-horse-battery")
          .doesNotContain(KEY)
          .doesNotContain("session=abc");
      assertThat(request.header("authorization")).isEmpty();
    }
  }

  @Test
  void keepsOnlyTheLatestRequestsUpToItsCapacity() {
    emulator.close();
    emulator = SumoEmulator.builder().journalCapacity(3).start();
    api = new Api(emulator);
    for (int i = 0; i < 5; i++) {
      api.get("/v1/users?limit=" + (i + 1));
    }
    List<RecordedRequest> requests = emulator.journal().requests();
    assertThat(requests).extracting(RecordedRequest::sequence).containsExactly(3L, 4L, 5L);
    emulator.journal().clear();
    assertThat(emulator.journal().size()).isZero();
  }

  @Test
  void canBeSwitchedOff() {
    emulator.journal().enabled(false);
    api.get("/v1/users");
    assertThat(emulator.journal().requests()).isEmpty();
  }

  @Test
  void accessKeysNeverShowInToString() {
    assertThat(emulator.accessKey().toString()).doesNotContain(KEY).contains("suJournal");
    assertThat(emulator.toString()).doesNotContain(KEY);
  }
}
