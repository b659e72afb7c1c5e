package dev.sumoclient.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumoclient.users.SumoValidationException.Violation;
import dev.sumoclient.users.generated.model.CreateUserDefinition;
import dev.sumoclient.users.generated.model.UpdateUserDefinition;
import java.io.IOException;
import java.net.InetAddress;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ValidationTest {
  private final MockWebServer server = new MockWebServer();
  private SumoUsersClient client;

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    client = TestClients.against(server, new FakeTime()).build();
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    assertThat(server.getRequestCount()).as("requests sent").isZero();
    server.shutdown();
  }

  @Test
  void anInvalidNewUserNamesEachFieldAndRule() {
    CreateUserDefinition bad =
        new CreateUserDefinition().firstName("").lastName("x".repeat(129)).email("not-an-email");
    bad.setRoleIds(null);
    assertThatThrownBy(() -> client.createUser(bad))
        .isInstanceOfSatisfying(
            SumoValidationException.class,
            e -> {
              assertThat(e.violations())
                  .containsExactly(
                      new Violation("createUser.email", "must be a well-formed email address"),
                      new Violation("createUser.firstName", "size must be between 1 and 128"),
                      new Violation("createUser.lastName", "size must be between 0 and 128"),
                      new Violation("createUser.roleIds", "must not be null"));
              assertThat(e.getMessage())
                  .startsWith("Invalid createUser: ")
                  .contains("createUser.email: must be a well-formed email address");
            });
  }

  @Test
  void anIncompleteUpdateIsRefused() {
    assertThatThrownBy(() -> client.updateUser("1", new UpdateUserDefinition().firstName("A")))
        .isInstanceOfSatisfying(
            SumoValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .contains("updateUser.lastName", "updateUser.isActive"));
  }

  @Test
  void listingParametersAreChecked() {
    assertThatThrownBy(() -> client.listUsers(ListUsersRequest.builder().limit(0).build()))
        .hasMessageContaining("listUsers.limit: must be greater than or equal to 1");
    assertThatThrownBy(() -> client.listUsers(ListUsersRequest.builder().limit(1001).build()))
        .hasMessageContaining("listUsers.limit: must be less than or equal to 1000");
    assertThatThrownBy(() -> client.listUsers(ListUsersRequest.builder().sortBy("age").build()))
        .hasMessageContaining("listUsers.sortBy: must be one of firstName, lastName, email");
    assertThatThrownBy(() -> client.findByEmail(" "))
        .isInstanceOf(SumoValidationException.class)
        .hasMessageContaining("email: must not be blank");
  }

  @Test
  void smallOperationsCheckTheirArguments() {
    assertThatThrownBy(() -> client.requestChangeEmail("1", "nope"))
        .hasMessageContaining("requestChangeEmail.email");
    assertThatThrownBy(() -> client.disableMfa("1", "a@example.com", new char[0]))
        .hasMessageContaining("disableMfa.password: must not be empty");
    assertThatThrownBy(() -> client.disableMfa("1", "bad", "s3cret-pw".toCharArray()))
        .isInstanceOf(SumoValidationException.class)
        .hasMessageContaining("disableMfa.email")
        .hasMessageNotContaining("s3cret-pw");
    assertThatThrownBy(() -> client.createUser(null))
        .hasMessageContaining("definition: must not be null");
    assertThatThrownBy(() -> client.deleteUser("1", ContentDisposition.transferTo("..")))
        .hasMessageContaining("transferTo");
  }

  @Test
  void forgottenRoleIdsAreRefusedBeforeSending() {
    CreateUserDefinition noRoles =
        new CreateUserDefinition().firstName("Ada").lastName("Lovelace").email("ada@example.com");
    assertThatThrownBy(() -> client.createUser(noRoles))
        .isInstanceOfSatisfying(
            SumoValidationException.class,
            e ->
                assertThat(e.violations())
                    .containsExactly(new Violation("createUser.roleIds", "must not be null")));
    UpdateUserDefinition update =
        new UpdateUserDefinition().firstName("Ada").lastName("Lovelace").isActive(true);
    assertThatThrownBy(() -> client.updateUser("1", update))
        .isInstanceOfSatisfying(
            SumoValidationException.class,
            e ->
                assertThat(e.violations())
                    .containsExactly(new Violation("updateUser.roleIds", "must not be null")));
  }
}
