package dev.sumoclient.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumoclient.users.generated.model.UserModel;
import java.io.IOException;
import java.net.InetAddress;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContentDispositionTest {
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
    server.shutdown();
  }

  @Test
  void aTransferToAUserReadFromTheApiGoesToThatUsersId() {
    UserModel heir = new UserModel().id("00000000000B0B00");

    assertThat(ContentDisposition.transferTo(heir).transferToUserId()).contains("00000000000B0B00");
  }

  @Test
  void aTransferToNoUserIsRefused() {
    assertThatThrownBy(() -> ContentDisposition.transferTo((UserModel) null))
        .isInstanceOfSatisfying(
            SumoValidationException.class, e -> assertThat(e.getMessage()).contains("transferTo"));
    assertThatThrownBy(() -> ContentDisposition.transferTo(new UserModel()))
        .isInstanceOf(SumoValidationException.class);
  }

  @Test
  void aTransferToTheUserBeingDeletedIsRefusedBeforeSending() {
    UserModel leaver = new UserModel().id("00000000000A11CE");

    assertThatThrownBy(
            () -> client.deleteUser("00000000000a11ce", ContentDisposition.transferTo(leaver)))
        .isInstanceOfSatisfying(
            SumoValidationException.class,
            e ->
                assertThat(e.violations())
                    .containsExactly(
                        new SumoValidationException.Violation(
                            "transferTo", "must not be the user being deleted")));
    assertThat(server.getRequestCount()).as("requests sent").isZero();
  }

  @Test
  void aTransferToAnotherUserIsSent() throws InterruptedException {
    server.enqueue(new MockResponse().setResponseCode(204));

    client.deleteUser(
        "00000000000A11CE", ContentDisposition.transferTo(new UserModel().id("00000000000B0B00")));

    assertThat(server.takeRequest().getPath())
        .isEqualTo("/api/v1/users/00000000000A11CE?transferTo=00000000000B0B00");
  }
}
