package dev.sumoclient.users.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pact's provider state change URL, {@code POST /__admin/provider-states}, as the JVM, JS, Go and
 * Rust verifiers call it: {@code {"state", "params", "action"}}, answering the provided values.
 */
class ProviderStatesTest {

  private SumoEmulator emulator;
  private Api admin;
  private Api api;

  @BeforeEach
  void start() {
    emulator = SumoEmulator.builder().seedUsers(2).start();
    admin = new Api(emulator.adminUri(), null);
    api = new Api(emulator);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private JsonNode setUp(String state, Map<String, Object> params) {
    Api.Response response =
        admin.post("/provider-states", Map.of("state", state, "params", params, "action", "setup"));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  @Test
  void aUserExistsWithTheGivenDetailsAndNothingMore() {
    JsonNode provided =
        setUp(
            "a user exists",
            Map.of("email", "carol@example.org", "firstName", "Carol", "lastName", "Danvers"));
    String id = provided.get("id").asText();
    JsonNode user = api.get("/v1/users/" + id).json();
    assertThat(user.get("email").asText()).isEqualTo("carol@example.org");
    assertThat(user.get("firstName").asText()).isEqualTo("Carol");
    assertThat(user.get("isMfaEnabled").asBoolean()).as("no MFA unless asked").isFalse();
    assertThat(user.get("isLocked").asBoolean()).isFalse();
    assertThat(user.get("lastLoginTimestamp").isNull()).as("no sign-in unless asked").isTrue();

    JsonNode again =
        setUp(
            "a user exists",
            Map.of("email", "carol@example.org", "signedIn", true, "mfaEnabled", true));
    assertThat(again.get("id").asText()).as("set up twice, still one user").isEqualTo(id);
    JsonNode flagged = api.get("/v1/users/" + id).json();
    assertThat(flagged.get("isMfaEnabled").asBoolean()).isTrue();
    assertThat(flagged.get("lastLoginTimestamp").isTextual()).isTrue();
  }

  @Test
  void aUserAndTheirSuccessorTakeTheEmailsOfTheConsumersPact() {
    JsonNode provided =
        setUp(
            "a user and the user to receive their content exist",
            Map.of("email", "leaver@example.org", "successorEmail", "manager@example.org"));
    assertThat(emulator.user(provided.get("id").asText()).orElseThrow().email())
        .isEqualTo("leaver@example.org");
    assertThat(emulator.user(provided.get("transferTo").asText()).orElseThrow().email())
        .isEqualTo("manager@example.org");
  }

  @Test
  void usersExistProvidesTheFirstPagesToken() {
    JsonNode provided = setUp("users exist", Map.of("count", 5, "pageSize", 2));
    assertThat(emulator.users()).hasSize(5);
    Api.Response second = api.get("/v1/users?limit=2&token=" + provided.get("token").asText());
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.json().get("data")).hasSize(2);
  }

  @Test
  void absenceStatesRemoveWhatWouldContradictThem() {
    String email = emulator.users().get(0).email();
    setUp("no user has the email address", Map.of("email", email));
    assertThat(emulator.userByEmail(email)).isEmpty();
    String id = emulator.users().get(0).id();
    JsonNode provided = setUp("no user has the id", Map.of("id", id));
    assertThat(provided.get("id").asText()).isEqualTo(id);
    assertThat(api.get("/v1/users/" + id).status()).isEqualTo(404);
  }

  @Test
  void theRateLimitIsExhaustedAnswersTheNextRequest429() {
    setUp("the rate limit is exhausted", Map.of());
    assertThat(api.get("/v1/users").status()).isEqualTo(429);
    assertThat(api.get("/v1/users").status()).isEqualTo(200);
  }

  @Test
  void teardownReturnsTheEmulatorToItsStart() {
    setUp("a user exists", Map.of());
    assertThat(emulator.users()).hasSize(3);
    Api.Response teardown =
        admin.post(
            "/provider-states",
            Map.of("state", "a user exists", "params", Map.of(), "action", "teardown"));
    assertThat(teardown.status()).isEqualTo(200);
    assertThat(emulator.users()).hasSize(2);
  }

  @Test
  void anUnknownStateOrWrongParameterIsA400NamingIt() {
    Api.Response unknown =
        admin.post("/provider-states", Map.of("state", "a unicorn exists", "params", Map.of()));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("error").asText())
        .contains("a unicorn exists")
        .contains("a user exists");
    Api.Response wrong =
        admin.post(
            "/provider-states", Map.of("state", "users exist", "params", Map.of("count", "many")));
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.json().get("error").asText()).contains("count");
  }

  @Test
  void theJavaApiServesTheSameStates() {
    assertThat(SumoEmulator.providerStates())
        .containsExactly(
            "a user and the user to receive their content exist",
            "a user exists",
            "no user has the email address",
            "no user has the id",
            "the access key is not valid",
            "the rate limit is exhausted",
            "users exist");
    Map<String, Object> provided =
        emulator.setUpProviderState("a user exists", Map.of("email", "dan@example.org"));
    assertThat(emulator.user((String) provided.get("id"))).isPresent();
    assertThatThrownBy(() -> emulator.setUpProviderState("nope", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope");
  }
}
