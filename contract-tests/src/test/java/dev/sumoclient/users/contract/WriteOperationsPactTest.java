package dev.sumoclient.users.contract;

import static dev.sumoclient.users.contract.ContractClients.signed;
import static dev.sumoclient.users.contract.ReadOperationsPactTest.ALICE_ID;
import static dev.sumoclient.users.contract.ReadOperationsPactTest.root;
import static dev.sumoclient.users.contract.ReadOperationsPactTest.userPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.sumoclient.users.ContentDisposition;
import dev.sumoclient.users.SumoBadRequestException;
import dev.sumoclient.users.SumoServiceException;
import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.generated.model.CreateUserDefinition;
import dev.sumoclient.users.generated.model.UpdateUserDefinition;
import dev.sumoclient.users.generated.model.UserModel;
import dev.sumoclient.users.pact.SumoPact;
import dev.sumoclient.users.pact.SumoPactBodies;
import dev.sumoclient.users.pact.SumoProviderStates;
import dev.sumoclient.users.pact.SumoUserBody;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the client sends and expects when it changes users, and when the API refuses a change. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = SumoPact.PROVIDER, pactVersion = PactSpecVersion.V4)
class WriteOperationsPactTest {

  private static final String HEIR_ID = "0000000000000B0B";
  private static final String ROLE_ID = "0000000000000A01";
  private static final Map<String, Object> ALICE =
      Map.of("email", "alice@example.org", "firstName", "Alice", "lastName", "Liddell");

  @Pact(consumer = SumoPact.SDK_CONSUMER)
  public V4Pact createUser(PactDslWithProvider builder) {
    return signed(
            builder
                .given(SumoProviderStates.NO_USER_WITH_EMAIL, Map.of("email", "nora@example.org"))
                .uponReceiving("a request to create a user")
                .path(SumoPact.USERS_PATH)
                .method("POST")
                .headers("Content-Type", "application/json")
                .body(newUser(nora())))
        .willRespondWith()
        .status(200)
        .body(
            SumoUserBody.user()
                .id("000000000000A0A0")
                .firstName("Nora")
                .lastName("Quist")
                .email("nora@example.org")
                .build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createUser")
  void createUserSendsTheDefinitionAndReadsTheStoredUser(MockServer server) {
    try (SumoUsersClient client = ContractClients.against(root(server))) {
      UserModel nora = client.createUser(nora());

      assertThat(nora.getId()).isEqualTo("000000000000A0A0");
      assertThat(nora.getEmail()).isEqualTo("nora@example.org");
      assertThat(nora.getCreatedBy()).isEqualTo("0000000000C0FFEE");
    }
  }

  @Pact(consumer = SumoPact.SDK_CONSUMER)
  public V4Pact createUserWithTakenEmail(PactDslWithProvider builder) {
    return signed(
            builder
                .given(SumoProviderStates.USER_EXISTS, ALICE)
                .uponReceiving("a request to create a user with an email address already taken")
                .path(SumoPact.USERS_PATH)
                .method("POST")
                .headers("Content-Type", "application/json")
                .body(newUser(anotherAlice())))
        .willRespondWith()
        .status(400)
        .body(SumoPactBodies.error("user:email_taken", "Another user already has this email."))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createUserWithTakenEmail")
  void aRefusedCreationIsABadRequestExceptionWithEveryReason(MockServer server) {
    try (SumoUsersClient client = ContractClients.against(root(server))) {
      assertThatThrownBy(() -> client.createUser(anotherAlice()))
          .isInstanceOfSatisfying(
              SumoBadRequestException.class,
              e -> {
                assertThat(e.status()).isEqualTo(400);
                assertThat(e.operation()).containsIgnoringCase("createUser");
                assertThat(e.errorId()).isPresent();
                assertThat(e.errors())
                    .extracting(SumoServiceException.ErrorDetail::code)
                    .containsExactly("user:email_taken");
              });
    }
  }

  @Pact(consumer = SumoPact.SDK_CONSUMER)
  public V4Pact updateUser(PactDslWithProvider builder) {
    return signed(
            builder
                .given(SumoProviderStates.USER_EXISTS, ALICE)
                .uponReceiving("a request to change a user")
                .pathFromProviderState(SumoPact.USERS_PATH + "/${id}", userPath(ALICE_ID))
                .method("PUT")
                .headers("Content-Type", "application/json")
                .body(
                    new PactDslJsonBody()
                        .stringValue("firstName", "Alice")
                        .stringValue("lastName", "Hargreaves")
                        .booleanValue("isActive", false)
                        .array("roleIds")
                        .stringValue(ROLE_ID)
                        .closeArray()))
        .willRespondWith()
        .status(200)
        .body(
            SumoUserBody.user()
                .id(ALICE_ID)
                .lastName("Hargreaves")
                .active(false)
                .modified("2026-04-01T09:00:00.5+02:00", "0000000000C0FFEE")
                .build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "updateUser")
  void updateUserSendsEveryReplacedFieldAndReadsTheResult(MockServer server) {
    try (SumoUsersClient client = ContractClients.against(root(server))) {
      UserModel alice =
          client.updateUser(
              ALICE_ID,
              new UpdateUserDefinition()
                  .firstName("Alice")
                  .lastName("Hargreaves")
                  .isActive(false)
                  .roleIds(List.of(ROLE_ID)));

      assertThat(alice.getLastName()).isEqualTo("Hargreaves");
      assertThat(alice.getIsActive()).isFalse();
    }
  }

  @Pact(consumer = SumoPact.SDK_CONSUMER)
  public V4Pact deleteUser(PactDslWithProvider builder) {
    return signed(
            builder
                .given(SumoProviderStates.USER_AND_HEIR_EXIST)
                .uponReceiving("a request to delete a user, handing their content to another")
                .pathFromProviderState(SumoPact.USERS_PATH + "/${id}", userPath(ALICE_ID))
                .method("DELETE")
                .queryParameterFromProviderState("transferTo", "${transferTo}", HEIR_ID))
        .willRespondWith()
        .status(204)
        .given(SumoProviderStates.USER_EXISTS, ALICE)
        .uponReceiving("a request to delete a user and their content")
        .pathFromProviderState(SumoPact.USERS_PATH + "/${id}", userPath(ALICE_ID))
        .method("DELETE")
        .query("deleteContent=true")
        .matchHeader("Authorization", SumoPact.BASIC_AUTH_PATTERN, ContractClients.AUTHORIZATION)
        .willRespondWith()
        .status(204)
        .given(SumoProviderStates.USER_EXISTS, ALICE)
        .uponReceiving("a request to delete a user, handing their content to the caller")
        .pathFromProviderState(SumoPact.USERS_PATH + "/${id}", userPath(ALICE_ID))
        .method("DELETE")
        .matchHeader("Authorization", SumoPact.BASIC_AUTH_PATTERN, ContractClients.AUTHORIZATION)
        .willRespondWith()
        .status(204)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "deleteUser")
  void deleteUserSendsEachExplicitContentChoiceAsTheApiSpellsIt(MockServer server) {
    try (SumoUsersClient client = ContractClients.against(root(server))) {
      client.deleteUser(ALICE_ID, ContentDisposition.transferTo(HEIR_ID));
      client.deleteUser(ALICE_ID, ContentDisposition.deleteContent());
      client.deleteUser(ALICE_ID, ContentDisposition.transferToCaller());
    }
  }

  @Pact(consumer = SumoPact.SDK_CONSUMER)
  public V4Pact requestChangeEmail(PactDslWithProvider builder) {
    return signed(
            builder
                .given(SumoProviderStates.USER_EXISTS, ALICE)
                .uponReceiving("a request to change a user's email address")
                .pathFromProviderState(
                    SumoPact.USERS_PATH + "/${id}/email/requestChange",
                    userPath(ALICE_ID) + "/email/requestChange")
                .method("POST")
                .headers("Content-Type", "application/json")
                .body(new PactDslJsonBody().stringValue("email", "alice.liddell@example.org")))
        .willRespondWith()
        .status(204)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "requestChangeEmail")
  void requestChangeEmailSendsTheNewAddress(MockServer server) {
    try (SumoUsersClient client = ContractClients.against(root(server))) {
      client.requestChangeEmail(ALICE_ID, "alice.liddell@example.org");
    }
  }

  @Pact(consumer = SumoPact.SDK_CONSUMER)
  public V4Pact resetPasswordAndUnlock(PactDslWithProvider builder) {
    return signed(
            builder
                .given(SumoProviderStates.USER_EXISTS, ALICE)
                .uponReceiving("a request to reset a user's password")
                .pathFromProviderState(
                    SumoPact.USERS_PATH + "/${id}/password/reset",
                    userPath(ALICE_ID) + "/password/reset")
                .method("POST"))
        .willRespondWith()
        .status(204)
        .given(SumoProviderStates.USER_EXISTS, ALICE)
        .uponReceiving("a request to unlock a user")
        .pathFromProviderState(
            SumoPact.USERS_PATH + "/${id}/unlock", userPath(ALICE_ID) + "/unlock")
        .method("POST")
        .matchHeader("Authorization", SumoPact.BASIC_AUTH_PATTERN, ContractClients.AUTHORIZATION)
        .willRespondWith()
        .status(204)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "resetPasswordAndUnlock")
  void resetPasswordAndUnlockSendNoBody(MockServer server) {
    try (SumoUsersClient client = ContractClients.against(root(server))) {
      client.resetPassword(ALICE_ID);
      client.unlockUser(ALICE_ID);
    }
  }

  @Pact(consumer = SumoPact.SDK_CONSUMER)
  public V4Pact disableMfa(PactDslWithProvider builder) {
    return signed(
            builder
                .given(SumoProviderStates.USER_EXISTS, ALICE)
                .uponReceiving("a request to turn off a user's multi-factor authentication")
                .pathFromProviderState(
                    SumoPact.USERS_PATH + "/${id}/mfa/disable", userPath(ALICE_ID) + "/mfa/disable")
                .method("PUT")
                .headers("Content-Type", "application/json")
                .body(
                    new PactDslJsonBody()
                        .stringValue("email", "alice@example.org")
                        .stringValue("password", "made-up-password-for-contracts")))
        .willRespondWith()
        .status(204)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "disableMfa")
  void disableMfaSendsTheUsersOwnCredentials(MockServer server) {
    try (SumoUsersClient client = ContractClients.against(root(server))) {
      client.disableMfa(
          ALICE_ID, "alice@example.org", "made-up-password-for-contracts".toCharArray());
    }
  }

  private static PactDslJsonBody newUser(CreateUserDefinition definition) {
    return (PactDslJsonBody)
        new PactDslJsonBody()
            .stringValue("firstName", definition.getFirstName())
            .stringValue("lastName", definition.getLastName())
            .stringValue("email", definition.getEmail())
            .array("roleIds")
            .stringValue(ROLE_ID)
            .closeArray();
  }

  private static CreateUserDefinition nora() {
    return new CreateUserDefinition()
        .firstName("Nora")
        .lastName("Quist")
        .email("nora@example.org")
        .roleIds(List.of(ROLE_ID));
  }

  private static CreateUserDefinition anotherAlice() {
    return new CreateUserDefinition()
        .firstName("Alice")
        .lastName("Kingsleigh")
        .email("alice@example.org")
        .roleIds(List.of(ROLE_ID));
  }
}
