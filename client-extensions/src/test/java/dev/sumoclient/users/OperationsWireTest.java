package dev.sumoclient.users;

import static dev.sumoclient.users.TestClients.json;
import static dev.sumoclient.users.TestClients.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumoclient.users.generated.model.CreateUserDefinition;
import dev.sumoclient.users.generated.model.UpdateUserDefinition;
import dev.sumoclient.users.generated.model.UserModel;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import okhttp3.Headers;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OperationsWireTest {
  private final MockWebServer server = new MockWebServer();
  private final FakeTime time = new FakeTime();
  private SumoUsersClient client;
  private String accessId;

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    accessId = TestClients.uniqueAccessId();
    client =
        TestClients.against(server, time).credentials(accessId, TestClients.ACCESS_KEY).build();
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    server.shutdown();
  }

  private RecordedRequest next() throws InterruptedException {
    return server.takeRequest();
  }

  @Test
  void getUserSendsBasicAuthAndDecodesTheUser() throws Exception {
    server.enqueue(json(200, user("42")));
    UserModel user = client.getUser("42");
    RecordedRequest request = next();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getPath()).isEqualTo("/api/v1/users/42");
    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (accessId + ":" + TestClients.ACCESS_KEY).getBytes(StandardCharsets.UTF_8));
    assertThat(request.getHeader("Authorization")).isEqualTo(expected);
    assertThat(user.getId()).isEqualTo("42");
    assertThat(user.getRoleIds()).containsExactly("r1", "r2");
  }

  @Test
  void createUserPostsTheDefinition() throws Exception {
    server.enqueue(json(200, user("7")));
    UserModel created =
        client.createUser(
            new CreateUserDefinition()
                .firstName("Ada")
                .lastName("Lovelace")
                .email("ada@example.com")
                .roleIds(List.of("r1")));
    RecordedRequest request = next();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getPath()).isEqualTo("/api/v1/users");
    assertThat(request.getBody().readUtf8())
        .contains("\"firstName\":\"Ada\"", "\"email\":\"ada@example.com\"", "\"roleIds\":[\"r1\"]");
    assertThat(created.getId()).isEqualTo("7");
  }

  @Test
  void updateUserPutsTheDefinition() throws Exception {
    server.enqueue(json(200, user("7")));
    client.updateUser(
        "7",
        new UpdateUserDefinition()
            .firstName("A")
            .lastName("B")
            .isActive(false)
            .roleIds(List.of("r9")));
    RecordedRequest request = next();
    assertThat(request.getMethod()).isEqualTo("PUT");
    assertThat(request.getPath()).isEqualTo("/api/v1/users/7");
    assertThat(request.getBody().readUtf8()).contains("\"isActive\":false", "\"roleIds\":[\"r9\"]");
  }

  @Test
  void deleteSendsExactlyTheChosenContentDisposition() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(204));
    server.enqueue(new MockResponse().setResponseCode(204));
    server.enqueue(new MockResponse().setResponseCode(204));
    client.deleteUser("1", ContentDisposition.transferTo("0002"));
    client.deleteUser("1", ContentDisposition.deleteContent());
    client.deleteUser("1", ContentDisposition.transferToCaller());
    RecordedRequest transfer = next();
    assertThat(transfer.getMethod()).isEqualTo("DELETE");
    assertThat(transfer.getPath()).isEqualTo("/api/v1/users/1?transferTo=0002");
    assertThat(next().getPath()).isEqualTo("/api/v1/users/1?deleteContent=true");
    assertThat(next().getPath()).isEqualTo("/api/v1/users/1");
  }

  @Test
  void deleteWithoutAContentChoiceIsRefusedBeforeSending() {
    assertThatThrownBy(() -> client.deleteUser("1", null))
        .isInstanceOf(SumoValidationException.class)
        .hasMessageContaining("content")
        .hasMessageContaining("transferToCaller");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void theSmallOperationsUseTheirMethodsAndPaths() throws Exception {
    for (int i = 0; i < 4; i++) {
      server.enqueue(new MockResponse().setResponseCode(204));
    }
    client.requestChangeEmail("5", "new@example.com");
    client.resetPassword("5");
    client.unlockUser("5");
    client.disableMfa("5", "ada@example.com", "hunter2-pass".toCharArray());
    RecordedRequest change = next();
    assertThat(change.getMethod() + " " + change.getPath())
        .isEqualTo("POST /api/v1/users/5/email/requestChange");
    assertThat(change.getBody().readUtf8()).isEqualTo("{\"email\":\"new@example.com\"}");
    RecordedRequest reset = next();
    assertThat(reset.getMethod() + " " + reset.getPath())
        .isEqualTo("POST /api/v1/users/5/password/reset");
    RecordedRequest unlock = next();
    assertThat(unlock.getMethod() + " " + unlock.getPath())
        .isEqualTo("POST /api/v1/users/5/unlock");
    RecordedRequest mfa = next();
    assertThat(mfa.getMethod() + " " + mfa.getPath()).isEqualTo("PUT /api/v1/users/5/mfa/disable");
    assertThat(mfa.getBody().readUtf8()).contains("\"password\":\"hunter2-pass\"");
  }

  @Test
  void listSendsItsQueryParameters() throws Exception {
    server.enqueue(json(200, "{\"data\":[" + user("1") + "]}"));
    List<UserModel> users =
        client
            .listUsers(
                ListUsersRequest.builder()
                    .limit(50)
                    .sortBy("email")
                    .email("a+b@example.com")
                    .startToken("tok/en+=")
                    .build())
            .stream()
            .toList();
    assertThat(users).hasSize(1);
    RecordedRequest request = next();
    assertThat(request.getRequestUrl().queryParameter("limit")).isEqualTo("50");
    assertThat(request.getRequestUrl().queryParameter("sortBy")).isEqualTo("email");
    assertThat(request.getRequestUrl().queryParameter("email")).isEqualTo("a+b@example.com");
    assertThat(request.getRequestUrl().queryParameter("token")).isEqualTo("tok/en+=");
  }

  @Test
  void findByEmailReturnsTheUserOrEmpty() throws Exception {
    server.enqueue(json(200, "{\"data\":[" + user("3", "Ada@Example.com") + "]}"));
    server.enqueue(json(200, "{\"data\":[]}"));
    assertThat(client.findByEmail("ada@example.com")).map(UserModel::getId).contains("3");
    assertThat(next().getRequestUrl().queryParameter("email")).isEqualTo("ada@example.com");
    assertThat(client.findByEmail("nobody@example.com")).isEmpty();
  }

  @Test
  void deactivateKeepsEveryOtherFieldAndActivateFlipsBack() throws Exception {
    server.enqueue(json(200, user("9")));
    server.enqueue(json(200, user("9")));
    server.enqueue(json(200, user("9")));
    server.enqueue(json(200, user("9")));
    client.deactivate("9");
    assertThat(next().getMethod()).isEqualTo("GET");
    RecordedRequest put = next();
    assertThat(put.getMethod()).isEqualTo("PUT");
    assertThat(put.getBody().readUtf8())
        .isEqualTo(
            "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"isActive\":false,"
                + "\"roleIds\":[\"r1\",\"r2\"]}");
    client.activate("9");
    next();
    assertThat(next().getBody().readUtf8()).contains("\"isActive\":true");
  }

  @Test
  void pathIdsAreSentAsOneEncodedSegment() throws Exception {
    server.enqueue(json(200, user("x")));
    server.enqueue(json(200, user("x")));
    server.enqueue(new MockResponse().setResponseCode(204));
    client.getUser("../roles");
    client.getUser("a/b?c");
    client.deleteUser("x", ContentDisposition.transferTo("../../admin?x=1"));
    assertThat(next().getPath()).isEqualTo("/api/v1/users/..%2Froles");
    assertThat(next().getPath()).isEqualTo("/api/v1/users/a%2Fb%3Fc");
    RecordedRequest delete = next();
    assertThat(delete.getRequestUrl().pathSegments()).containsExactly("api", "v1", "users", "x");
    assertThat(delete.getRequestUrl().queryParameter("transferTo")).isEqualTo("../../admin?x=1");

    // An id is data: percent signs in it are sent as themselves, never decoded as escapes.
    for (String id : List.of("%2e", "%2E%2e", "%2e%2e", "%41", "%2F", "%", "%%32e", "a%20b")) {
      server.enqueue(json(200, user("x")));
      server.enqueue(new MockResponse().setResponseCode(204));
      server.enqueue(new MockResponse().setResponseCode(204));
      client.getUser(id);
      client.unlockUser(id);
      client.deleteUser(id, ContentDisposition.deleteContent());
      assertThat(next().getRequestUrl().pathSegments()).containsExactly("api", "v1", "users", id);
      assertThat(next().getRequestUrl().pathSegments())
          .containsExactly("api", "v1", "users", id, "unlock");
      RecordedRequest deleted = next();
      assertThat(deleted.getMethod()).isEqualTo("DELETE");
      assertThat(deleted.getRequestUrl().pathSegments()).containsExactly("api", "v1", "users", id);
      server.enqueue(new MockResponse().setResponseCode(204));
      client.deleteUser("x", ContentDisposition.transferTo(id));
      assertThat(next().getRequestUrl().queryParameter("transferTo")).isEqualTo(id);
    }
  }

  @Test
  void dotSegmentIdsAreRefusedBeforeSending() {
    assertThatThrownBy(() -> client.getUser(".."))
        .isInstanceOf(SumoValidationException.class)
        .hasMessageContaining("id");
    assertThatThrownBy(() -> client.unlockUser(" "))
        .isInstanceOf(SumoValidationException.class)
        .hasMessageContaining("id: must not be blank");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aClosedClientRefusesCalls() {
    client.close();
    assertThatThrownBy(() -> client.getUser("1"))
        .isInstanceOf(SumoClientException.class)
        .hasMessageContaining("closed");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void anExplicitlyEmptyRoleListIsSentAsSuch() throws Exception {
    server.enqueue(json(200, user("1")));
    client.createUser(
        new CreateUserDefinition()
            .firstName("Ada")
            .lastName("Lovelace")
            .email("ada@example.com")
            .roleIds(List.of()));
    assertThat(next().getBody().readUtf8()).contains("\"roleIds\":[]");
  }

  /**
   * Every header of a request, in the order sent, with the values that vary per run (credentials,
   * versions, port) replaced by their names.
   */
  private static List<String> headersOnTheWire(RecordedRequest request) {
    Headers headers = request.getHeaders();
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      boolean varies =
          name.equalsIgnoreCase("Authorization")
              || name.equalsIgnoreCase("User-Agent")
              || name.equalsIgnoreCase("Host");
      lines.add(name + ": " + (varies ? "<" + name + ">" : headers.value(i)));
    }
    return lines;
  }

  @Test
  void everyOperationSendsExactlyTheAcceptAndContentTypeOfTheDescription() throws Exception {
    List<String> withoutBody =
        List.of(
            "Accept: application/json",
            "Authorization: <Authorization>",
            "User-Agent: <User-Agent>",
            "Host: <Host>",
            "Connection: Keep-Alive",
            "Accept-Encoding: gzip");
    List<String> emptyPost =
        List.of(
            "Accept: application/json",
            "Authorization: <Authorization>",
            "User-Agent: <User-Agent>",
            "Content-Length: 0",
            "Host: <Host>",
            "Connection: Keep-Alive",
            "Accept-Encoding: gzip");
    server.enqueue(json(200, "{\"data\":[" + user("1") + "]}"));
    client.listUsers(ListUsersRequest.builder().limit(1).build()).pages().iterator().next();
    assertThat(headersOnTheWire(next())).as("listUsers").isEqualTo(withoutBody);

    server.enqueue(json(200, user("1")));
    client.getUser("1");
    assertThat(headersOnTheWire(next())).as("getUser").isEqualTo(withoutBody);

    server.enqueue(json(200, user("1")));
    client.createUser(
        new CreateUserDefinition()
            .firstName("A")
            .lastName("B")
            .email("a@example.com")
            .roleIds(List.of("r1")));
    RecordedRequest create = next();
    assertThat(headersOnTheWire(create)).as("createUser").isEqualTo(jsonBody(create.getBodySize()));

    server.enqueue(json(200, user("1")));
    client.updateUser(
        "1",
        new UpdateUserDefinition().firstName("A").lastName("B").isActive(true).roleIds(List.of()));
    RecordedRequest update = next();
    assertThat(headersOnTheWire(update)).as("updateUser").isEqualTo(jsonBody(update.getBodySize()));

    server.enqueue(new MockResponse().setResponseCode(204));
    client.deleteUser("1", ContentDisposition.deleteContent());
    assertThat(headersOnTheWire(next())).as("deleteUser").isEqualTo(withoutBody);

    server.enqueue(new MockResponse().setResponseCode(204));
    client.requestChangeEmail("1", "new@example.com");
    RecordedRequest change = next();
    assertThat(headersOnTheWire(change))
        .as("requestChangeEmail")
        .isEqualTo(jsonBody(change.getBodySize()));

    server.enqueue(new MockResponse().setResponseCode(204));
    client.resetPassword("1");
    assertThat(headersOnTheWire(next())).as("resetPassword").isEqualTo(emptyPost);

    server.enqueue(new MockResponse().setResponseCode(204));
    client.unlockUser("1");
    assertThat(headersOnTheWire(next())).as("unlockUser").isEqualTo(emptyPost);

    server.enqueue(new MockResponse().setResponseCode(204));
    client.disableMfa("1", "a@example.com", "hunter2-pass".toCharArray());
    RecordedRequest mfa = next();
    assertThat(headersOnTheWire(mfa)).as("disableMfa").isEqualTo(jsonBody(mfa.getBodySize()));
  }

  private static List<String> jsonBody(long length) {
    return List.of(
        "Accept: application/json",
        "Authorization: <Authorization>",
        "User-Agent: <User-Agent>",
        "Content-Type: application/json",
        "Content-Length: " + length,
        "Host: <Host>",
        "Connection: Keep-Alive",
        "Accept-Encoding: gzip");
  }
}
