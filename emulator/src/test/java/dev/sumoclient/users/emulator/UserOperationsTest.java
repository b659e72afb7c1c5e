package dev.sumoclient.users.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserOperationsTest {
  private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

  private final MutableClock clock = new MutableClock(START);
  private SumoEmulator emulator;
  private Api api;

  @BeforeEach
  void start() {
    emulator = SumoEmulator.builder().seedUsers(250).clock(clock).start();
    api = new Api(emulator);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private List<JsonNode> listAll(String query) {
    List<JsonNode> users = new ArrayList<>();
    String token = null;
    Set<String> tokens = new HashSet<>();
    do {
      String path = "/v1/users?" + query + (token == null ? "" : "&token=" + token);
      Api.Response page = api.get(path);
      assertThat(page.status()).as(path).isEqualTo(200);
      page.json().get("data").forEach(users::add);
      token = page.json().hasNonNull("next") ? page.json().get("next").asText() : null;
      assertThat(token == null || tokens.add(token)).as("a token never repeats").isTrue();
    } while (token != null);
    return users;
  }

  private String createUser(String email) {
    Api.Response created = api.post("/v1/users", Api.newUser("New", "Person", email));
    assertThat(created.status()).isEqualTo(200);
    return created.json().get("id").asText();
  }

  @Test
  void listUsersReturnsOneHundredByDefaultAndSendsANullNextOnTheLastPage() {
    Api.Response first = api.get("/v1/users");
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json().get("data")).hasSize(100);
    assertThat(first.json().has("next")).isTrue();

    Api.Response last = api.get("/v1/users?limit=1000");
    assertThat(last.json().get("data")).hasSize(250);
    assertThat(last.json().get("next").isNull()).as("next is null on the last page").isTrue();
  }

  @Test
  void pagingVisitsEveryUserExactlyOnce() {
    List<JsonNode> users = listAll("limit=7");
    assertThat(users).hasSize(250);
    assertThat(users.stream().map(u -> u.get("id").asText()).distinct()).hasSize(250);
  }

  @Test
  void aPageEndingExactlyAtTheLastUserHasANullNext() {
    Api.Response page = api.get("/v1/users?limit=250");
    assertThat(page.json().get("data")).hasSize(250);
    assertThat(page.json().get("next").isNull()).isTrue();
  }

  @Test
  void pagingIsNotDisturbedByUsersCreatedAndDeletedBetweenPages() {
    Api.Response first = api.get("/v1/users?limit=100&sortBy=email");
    List<String> seen = new ArrayList<>();
    first.json().get("data").forEach(u -> seen.add(u.get("id").asText()));
    // A user sorting before the cursor, and the deletion of one already returned.
    createUser("aaaa.first@example.com");
    assertThat(api.delete("/v1/users/" + seen.get(0) + "?deleteContent=true").status())
        .isEqualTo(204);
    String token = first.json().get("next").asText();
    while (token != null) {
      Api.Response page = api.get("/v1/users?limit=100&sortBy=email&token=" + token);
      page.json().get("data").forEach(u -> seen.add(u.get("id").asText()));
      token = page.json().hasNonNull("next") ? page.json().get("next").asText() : null;
    }
    assertThat(seen).hasSize(250).doesNotHaveDuplicates();
  }

  @Test
  void limitOutsideOneToOneThousandIsRejected() {
    for (String limit : List.of("0", "1001", "-5", "ten", "")) {
      Api.Response response = api.get("/v1/users?limit=" + limit);
      assertThat(response.status()).as("limit=" + limit).isEqualTo(400);
      assertThat(response.errorCode()).isEqualTo("api:invalid_limit");
    }
    assertThat(api.get("/v1/users?limit=1").json().get("data")).hasSize(1);
    assertThat(api.get("/v1/users?limit=1000").status()).isEqualTo(200);
  }

  @Test
  void sortByOrdersAscendingOrDescendingCaseInsensitively() {
    for (String field : List.of("firstName", "lastName", "email")) {
      List<String> ascending = values(listAll("limit=40&sortBy=" + field), field);
      List<String> sorted = new ArrayList<>(ascending);
      sorted.sort(Comparator.comparing(s -> s.toLowerCase(Locale.ROOT)));
      assertThat(ascending).as(field).isEqualTo(sorted);

      List<String> descending = values(listAll("limit=40&sortBy=-" + field), field);
      List<String> reversed = new ArrayList<>(sorted);
      java.util.Collections.reverse(reversed);
      assertThat(descending).as("-" + field).isEqualTo(reversed);
    }
  }

  private static List<String> values(List<JsonNode> users, String field) {
    return users.stream().map(u -> u.get(field).asText()).toList();
  }

  @Test
  void unknownSortFieldIsRejected() {
    Api.Response response = api.get("/v1/users?sortBy=age");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.errorCode()).isEqualTo("api:invalid_sort");
  }

  @Test
  void aTokenIsRejectedWhenForgedOrUsedWithAnotherSort() {
    String token = api.get("/v1/users?limit=10&sortBy=email").json().get("next").asText();
    assertThat(api.get("/v1/users?limit=10&sortBy=email&token=" + token).status()).isEqualTo(200);
    assertThat(api.get("/v1/users?limit=10&sortBy=lastName&token=" + token).errorCode())
        .isEqualTo("api:invalid_token");
    assertThat(api.get("/v1/users?token=not-a-token").errorCode()).isEqualTo("api:invalid_token");
  }

  @Test
  void emailFilterFindsTheOneUserIgnoringCase() {
    EmulatedUser someone = emulator.users().get(42);
    Api.Response found = api.get("/v1/users?email=" + someone.email().toUpperCase(Locale.ROOT));
    assertThat(found.json().get("data")).hasSize(1);
    assertThat(found.json().get("data").get(0).get("id").asText()).isEqualTo(someone.id());
    assertThat(api.get("/v1/users?email=nobody@example.com").json().get("data")).isEmpty();
    assertThat(api.get("/v1/users?email=").errorCode()).isEqualTo("api:invalid_parameter");
  }

  @Test
  void createAssignsAHexIdAndMetadataFromTheCaller() {
    Api.Response created =
        api.post("/v1/users", Api.newUser("Alice", "Liddell", "alice@example.org"));
    assertThat(created.status()).isEqualTo(200);
    JsonNode user = created.json();
    assertThat(user.get("id").asText()).matches("[0-9A-F]{16}");
    assertThat(user.get("firstName").asText()).isEqualTo("Alice");
    assertThat(user.get("isActive").asBoolean()).isTrue();
    assertThat(user.get("isLocked").asBoolean()).isFalse();
    assertThat(user.get("isMfaEnabled").asBoolean()).isFalse();
    assertThat(user.get("lastLoginTimestamp").isNull()).as("never signed in: null").isTrue();
    assertThat(user.get("createdAt").asText()).isEqualTo("2026-03-01T10:00:00Z");
    assertThat(user.get("modifiedAt").asText()).isEqualTo("2026-03-01T10:00:00Z");
    assertThat(user.get("createdBy").asText()).isEqualTo(emulator.accessKey().ownerId());
    assertThat(api.get("/v1/users/" + user.get("id").asText()).json()).isEqualTo(user);
  }

  @Test
  void createRejectsADuplicateEmailInAnyCase() {
    createUser("dup@example.org");
    Api.Response again = api.post("/v1/users", Api.newUser("Other", "One", "DUP@example.org"));
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.errorCode()).isEqualTo("user:email_taken");
    assertThat(again.json().at("/errors/0/meta/field").asText()).isEqualTo("email");
  }

  @Test
  void createValidatesEveryFieldAndNamesEachProblem() {
    Api.Response response =
        api.post(
            "/v1/users",
            Map.of("firstName", "", "lastName", "x".repeat(129), "email", "not-an-email"));
    assertThat(response.status()).isEqualTo(400);
    List<String> problems = new ArrayList<>();
    response
        .json()
        .get("errors")
        .forEach(e -> problems.add(e.at("/meta/field").asText() + "=" + e.get("code").asText()));
    assertThat(problems)
        .containsExactlyInAnyOrder(
            "firstName=field:too_short",
            "lastName=field:too_long",
            "email=field:invalid_email",
            "roleIds=field:required");
    assertThat(emulator.users()).hasSize(250);
  }

  @Test
  void createRejectsWrongTypesMissingOrMalformedBodies() {
    Map<String, Object> wrongType =
        Map.of("firstName", 7, "lastName", "L", "email", "a@example.org", "roleIds", "R1");
    Api.Response typed = api.post("/v1/users", wrongType);
    assertThat(typed.json().get("errors")).hasSize(2);
    assertThat(typed.errorCode()).isEqualTo("field:wrong_type");
    assertThat(api.post("/v1/users", null).errorCode()).isEqualTo("api:missing_body");
    assertThat(api.post("/v1/users", "{not json").errorCode()).isEqualTo("api:invalid_json");
    assertThat(api.post("/v1/users", "[]").errorCode()).isEqualTo("api:invalid_json");
    Api.Response xml =
        api.send("POST", "/v1/users", "<user/>", Map.of("Content-Type", "application/xml"));
    assertThat(xml.status()).isEqualTo(415);
  }

  @Test
  void createAcceptsTheDescribedLengthBoundaries() {
    Map<String, Object> longest =
        Map.of(
            "firstName",
            "f".repeat(128),
            "lastName",
            "",
            "email",
            "e".repeat(243) + "@example.org",
            "roleIds",
            List.of());
    assertThat(api.post("/v1/users", longest).status()).isEqualTo(200);
  }

  @Test
  void updateReplacesNamesActiveFlagAndRolesButNeverTheEmail() {
    String id = createUser("bob@example.org");
    clock.advance(Duration.ofMinutes(5));
    Api.Response updated =
        api.put(
            "/v1/users/" + id,
            Map.of(
                "firstName", "Robert",
                "lastName", "Tables",
                "isActive", false,
                "roleIds", List.of("R2", "R3"),
                "email", "ignored@example.org"));
    assertThat(updated.status()).isEqualTo(200);
    JsonNode user = updated.json();
    assertThat(user.get("firstName").asText()).isEqualTo("Robert");
    assertThat(user.get("isActive").asBoolean()).isFalse();
    assertThat(user.get("roleIds").toString()).isEqualTo("[\"R2\",\"R3\"]");
    assertThat(user.get("email").asText()).isEqualTo("bob@example.org");
    assertThat(user.get("createdAt").asText()).isEqualTo("2026-03-01T10:00:00Z");
    assertThat(user.get("modifiedAt").asText()).isEqualTo("2026-03-01T10:05:00Z");
  }

  @Test
  void updateRequiresEveryReplacedField() {
    String id = createUser("carol@example.org");
    Api.Response response = api.put("/v1/users/" + id, Map.of("firstName", "C", "lastName", "D"));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().toString()).contains("isActive").contains("roleIds");
    assertThat(api.put("/v1/users/0000000000000000", Map.of()).errorCode())
        .isEqualTo("user:not_found");
  }

  @Test
  void unknownUsersAre404ForEveryOperation() {
    String unknown = "/v1/users/00000000DEADBEEF";
    List<Api.Response> responses =
        List.of(
            api.get(unknown),
            api.put(unknown, Map.of()),
            api.delete(unknown),
            api.post(unknown + "/email/requestChange", Map.of("email", "z@example.org")),
            api.post(unknown + "/password/reset", null),
            api.post(unknown + "/unlock", null),
            api.put(unknown + "/mfa/disable", Map.of("email", "z@example.org", "password", "p")));
    for (Api.Response response : responses) {
      assertThat(response.status()).isEqualTo(404);
      assertThat(response.errorCode()).isEqualTo("user:not_found");
    }
  }

  @Test
  void anEncodedSlashInAnIdCannotReachAnotherPath() {
    String id = emulator.lockUser(emulator.users().get(0).id()).id();
    Api.Response post = api.post("/v1/users/" + id + "%2Funlock", null);
    assertThat(post.status()).as("a POST on the user path, not the unlock path").isEqualTo(405);
    assertThat(emulator.user(id).orElseThrow().locked()).isTrue();
    Api.Response get = api.get("/v1/users/" + id + "%2Funlock");
    assertThat(get.status()).isEqualTo(404);
    assertThat(get.errorCode()).isEqualTo("user:not_found");
  }

  @Test
  void wrongMethodsAre405WithAllow() {
    String id = emulator.users().get(0).id();
    Api.Response patch = api.send("PATCH", "/v1/users/" + id, "{}");
    assertThat(patch.status()).isEqualTo(405);
    assertThat(patch.header("Allow")).isEqualTo("GET, PUT, DELETE");
    assertThat(patch.errorCode()).isEqualTo("api:method_not_allowed");
    assertThat(api.get("/v1/users/" + id + "/unlock").status()).isEqualTo(405);
    assertThat(api.delete("/v1/users").status()).isEqualTo(405);
    assertThat(api.get("/v1/roles").errorCode()).isEqualTo("api:not_found");
    assertThat(api.get("/v1/users/" + id + "/").errorCode()).isEqualTo("api:not_found");
    assertThat(api.get("/v1/usersX").errorCode()).isEqualTo("api:not_found");
  }

  @Test
  void deleteTransfersContentToTheNamedUser() {
    String doomed = createUser("doomed@example.org");
    String heir = emulator.users().get(3).id();
    assertThat(api.delete("/v1/users/" + doomed + "?transferTo=" + heir).status()).isEqualTo(204);
    assertThat(emulator.user(doomed)).isEmpty();
    assertThat(api.get("/v1/users/" + doomed).status()).isEqualTo(404);
    ContentTransfer transfer = emulator.contentTransfers().get(0);
    assertThat(transfer.disposition()).isEqualTo(ContentTransfer.Disposition.TRANSFERRED_TO_USER);
    assertThat(transfer.recipientId()).isEqualTo(heir);
    assertThat(transfer.deletedUserEmail()).isEqualTo("doomed@example.org");
    // The address is free again.
    createUser("doomed@example.org");
  }

  @Test
  void deleteWithoutChoiceGivesTheContentToTheCaller() {
    String doomed = createUser("quiet@example.org");
    assertThat(api.delete("/v1/users/" + doomed).status()).isEqualTo(204);
    ContentTransfer transfer = emulator.contentTransfers().get(0);
    assertThat(transfer.disposition()).isEqualTo(ContentTransfer.Disposition.TRANSFERRED_TO_CALLER);
    assertThat(transfer.recipientId()).isEqualTo(emulator.accessKey().ownerId());
  }

  @Test
  void deleteContentDestroysIt() {
    String doomed = createUser("gone@example.org");
    assertThat(api.delete("/v1/users/" + doomed + "?deleteContent=true").status()).isEqualTo(204);
    ContentTransfer transfer = emulator.contentTransfers().get(0);
    assertThat(transfer.disposition()).isEqualTo(ContentTransfer.Disposition.DELETED);
    assertThat(transfer.recipientId()).isNull();
  }

  @Test
  void deleteRejectsBadTransferTargetsAndKeepsTheUser() {
    String doomed = createUser("kept@example.org");
    String other = emulator.users().get(0).id();
    Map<String, String> cases =
        Map.of(
            "?transferTo=" + doomed,
            "user:transfer_to_self",
            "?transferTo=0000000000000000",
            "user:transfer_target_not_found",
            "?transferTo=" + other + "&deleteContent=true",
            "user:conflicting_delete_options",
            "?deleteContent=maybe",
            "api:invalid_parameter",
            "?transferTo=",
            "api:invalid_parameter");
    cases.forEach(
        (query, code) -> {
          Api.Response response = api.delete("/v1/users/" + doomed + query);
          assertThat(response.status()).as(query).isEqualTo(400);
          assertThat(response.errorCode()).as(query).isEqualTo(code);
        });
    assertThat(emulator.user(doomed)).isPresent();
    assertThat(emulator.contentTransfers()).isEmpty();
  }

  @Test
  void unlockClearsTheLock() {
    String id = emulator.users().get(5).id();
    emulator.lockUser(id);
    assertThat(api.get("/v1/users/" + id).json().get("isLocked").asBoolean()).isTrue();
    assertThat(api.post("/v1/users/" + id + "/unlock", null).status()).isEqualTo(204);
    assertThat(api.get("/v1/users/" + id).json().get("isLocked").asBoolean()).isFalse();
  }

  @Test
  void disableMfaNeedsTheUsersEmailAndANonEmptyPassword() {
    EmulatedUser user = emulator.enableMfa(emulator.users().get(7).id());
    String path = "/v1/users/" + user.id() + "/mfa/disable";
    Api.Response wrongEmail =
        api.put(path, Map.of("email", "someone.else@example.org", "password", "pw"));
    assertThat(wrongEmail.errorCode()).isEqualTo("user:mfa_email_mismatch");
    Api.Response emptyPassword = api.put(path, Map.of("email", user.email(), "password", ""));
    assertThat(emptyPassword.errorCode()).isEqualTo("user:mfa_password_required");
    assertThat(api.put(path, Map.of("email", user.email())).errorCode())
        .isEqualTo("field:required");
    assertThat(emulator.user(user.id()).orElseThrow().mfaEnabled()).isTrue();

    assertThat(api.put(path, Map.of("email", user.email(), "password", "hunter2")).status())
        .isEqualTo(204);
    assertThat(emulator.user(user.id()).orElseThrow().mfaEnabled()).isFalse();
  }

  @Test
  void resetPasswordIsRecorded() {
    EmulatedUser user = emulator.users().get(9);
    assertThat(api.post("/v1/users/" + user.id() + "/password/reset", null).status())
        .isEqualTo(204);
    assertThat(emulator.passwordResets())
        .containsExactly(
            new PasswordReset(user.id(), user.email(), emulator.accessKey().ownerId(), START));
  }

  @Test
  void emailChangesOnlyWhenConfirmed() {
    String id = createUser("old@example.org");
    Api.Response requested =
        api.post("/v1/users/" + id + "/email/requestChange", Map.of("email", "new@example.org"));
    assertThat(requested.status()).isEqualTo(204);
    assertThat(emulator.user(id).orElseThrow().email()).isEqualTo("old@example.org");
    assertThat(emulator.emailChanges())
        .singleElement()
        .satisfies(
            change -> {
              assertThat(change.toEmail()).isEqualTo("new@example.org");
              assertThat(change.status()).isEqualTo(EmailChange.Status.PENDING);
            });

    clock.advance(Duration.ofHours(1));
    EmulatedUser changed = emulator.confirmEmailChange(id);
    assertThat(changed.email()).isEqualTo("new@example.org");
    assertThat(changed.modifiedBy()).as("the user followed the link").isEqualTo(id);
    assertThat(api.get("/v1/users?email=new@example.org").json().get("data")).hasSize(1);
    assertThat(emulator.emailChanges().get(0).status()).isEqualTo(EmailChange.Status.CONFIRMED);
    assertThatThrownBy(() -> emulator.confirmEmailChange(id))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no pending");
  }

  @Test
  void requestChangeEmailRejectsTakenUnchangedOrInvalidAddresses() {
    String id = createUser("mine@example.org");
    createUser("theirs@example.org");
    String path = "/v1/users/" + id + "/email/requestChange";
    assertThat(api.post(path, Map.of("email", "THEIRS@example.org")).errorCode())
        .isEqualTo("user:email_taken");
    assertThat(api.post(path, Map.of("email", "mine@example.org")).errorCode())
        .isEqualTo("user:email_unchanged");
    assertThat(api.post(path, Map.of("email", "nope")).errorCode())
        .isEqualTo("field:invalid_email");
    assertThat(emulator.emailChanges()).isEmpty();
  }

  @Test
  void everyErrorHasSumosShapeAndAUniqueId() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      Api.Response response = api.get("/v1/users/missing" + i);
      JsonNode body = response.json();
      assertThat(response.header("Content-Type")).startsWith("application/json");
      assertThat(body.get("id").asText()).matches("[A-Z2-7]{5}-[A-Z2-7]{5}-[A-Z2-7]{5}");
      assertThat(body.get("errors").get(0).get("message").asText()).isNotBlank();
      ids.add(body.get("id").asText());
    }
    assertThat(ids).hasSize(50);
  }
}
