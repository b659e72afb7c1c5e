package dev.sumoclient.users.generated;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sumoclient.users.generated.api.UserManagementApi;
import dev.sumoclient.users.generated.invoker.ApiClient;
import dev.sumoclient.users.generated.model.ChangeEmailRequest;
import dev.sumoclient.users.generated.model.CreateUserDefinition;
import dev.sumoclient.users.generated.model.DisableMfaRequest;
import dev.sumoclient.users.generated.model.ListUserModelsResponse;
import dev.sumoclient.users.generated.model.UpdateUserDefinition;
import dev.sumoclient.users.generated.model.UserModel;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each of the nine generated operations puts the right request on the wire. */
class UserManagementApiWireTest {

  private static final String USER_JSON =
      """
      {"id":"00000000000A11CE","firstName":"Alice","lastName":"Liddell",
       "email":"alice@example.org","roleIds":["0000000000000A01"],
       "createdAt":"2025-11-02T08:30:00Z","createdBy":"0000000000C0FFEE",
       "modifiedAt":"2026-01-20T17:45:12.250+00:00","modifiedBy":"0000000000C0FFEE",
       "isActive":true,"isLocked":false,"isMfaEnabled":true,"lastLoginTimestamp":null}
      """;

  private final ObjectMapper mapper = new ObjectMapper();
  private MockWebServer server;
  private UserManagementApi api;

  @BeforeEach
  void startServer() throws Exception {
    server = new MockWebServer();
    server.start();
    ApiClient client = new ApiClient("basicAuth");
    client.setCredentials("suABCDEF", "not-a-real-key");
    client.setBasePath(server.url("/api").toString());
    api = client.buildClient(UserManagementApi.class);
  }

  @AfterEach
  void stopServer() throws Exception {
    server.shutdown();
  }

  @Test
  void listUsersSendsQueryParametersAndDecodesThePage() throws Exception {
    server.enqueue(json(200, "{\"data\":[" + USER_JSON + "],\"next\":\"c3VtbzpwYWdlOjI\"}"));

    ListUserModelsResponse page = api.listUsers(50, "tok-1", "-email", "alice@example.org");

    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getRequestUrl().encodedPath()).isEqualTo("/api/v1/users");
    assertThat(request.getRequestUrl().queryParameter("limit")).isEqualTo("50");
    assertThat(request.getRequestUrl().queryParameter("token")).isEqualTo("tok-1");
    assertThat(request.getRequestUrl().queryParameter("sortBy")).isEqualTo("-email");
    assertThat(request.getRequestUrl().queryParameter("email")).isEqualTo("alice@example.org");
    assertBasicAuth(request);
    assertThat(page.getNext()).isEqualTo("c3VtbzpwYWdlOjI");
    assertThat(page.getData()).extracting(UserModel::getEmail).containsExactly("alice@example.org");
  }

  @Test
  void listUsersLeavesOutAbsentQueryParameters() throws Exception {
    server.enqueue(json(200, "{\"data\":[]}"));

    ListUserModelsResponse page = api.listUsers(null, null, null, null);

    RecordedRequest request = take();
    assertThat(request.getRequestUrl().querySize()).isZero();
    assertThat(page.getData()).isEmpty();
    assertThat(page.getNext()).isNull();
  }

  @Test
  void createUserPostsTheDefinitionAsJson() throws Exception {
    server.enqueue(json(200, USER_JSON));

    UserModel created =
        api.createUser(
            new CreateUserDefinition()
                .firstName("Alice")
                .lastName("Liddell")
                .email("alice@example.org")
                .roleIds(List.of("0000000000000A01")));

    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getPath()).isEqualTo("/api/v1/users");
    assertThat(request.getHeader("Content-Type")).startsWith("application/json");
    assertThat(body(request))
        .isEqualTo(
            mapper.readTree(
                "{\"firstName\":\"Alice\",\"lastName\":\"Liddell\","
                    + "\"email\":\"alice@example.org\",\"roleIds\":[\"0000000000000A01\"]}"));
    assertBasicAuth(request);
    assertThat(created.getId()).isEqualTo("00000000000A11CE");
    assertThat(created.getModifiedAt())
        .isEqualTo(OffsetDateTime.parse("2026-01-20T17:45:12.250+00:00"));
    assertThat(created.getLastLoginTimestamp()).isNull();
  }

  @Test
  void getUserReadsOneUser() throws Exception {
    server.enqueue(json(200, USER_JSON));

    UserModel user = api.getUser("00000000000A11CE");

    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getPath()).isEqualTo("/api/v1/users/00000000000A11CE");
    assertBasicAuth(request);
    assertThat(user.getIsMfaEnabled()).isTrue();
  }

  @Test
  void updateUserPutsTheReplacementFields() throws Exception {
    server.enqueue(json(200, USER_JSON));

    api.updateUser(
        "00000000000A11CE",
        new UpdateUserDefinition()
            .firstName("Alice")
            .lastName("")
            .isActive(false)
            .roleIds(List.of()));

    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("PUT");
    assertThat(request.getPath()).isEqualTo("/api/v1/users/00000000000A11CE");
    assertThat(body(request))
        .isEqualTo(
            mapper.readTree(
                "{\"firstName\":\"Alice\",\"lastName\":\"\",\"isActive\":false,\"roleIds\":[]}"));
    assertBasicAuth(request);
  }

  @Test
  void deleteUserSendsTheContentChoiceAsQuery() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(204));

    api.deleteUser("00000000000A11CE", "0000000000C0FFEE", false);

    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("DELETE");
    assertThat(request.getRequestUrl().encodedPath()).isEqualTo("/api/v1/users/00000000000A11CE");
    assertThat(request.getRequestUrl().queryParameter("transferTo")).isEqualTo("0000000000C0FFEE");
    assertThat(request.getRequestUrl().queryParameter("deleteContent")).isEqualTo("false");
    assertBasicAuth(request);
  }

  @Test
  void requestChangeEmailPostsTheNewAddress() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(204));

    api.requestChangeEmail(
        "00000000000A11CE", new ChangeEmailRequest().email("alice.liddell@example.org"));

    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getPath()).isEqualTo("/api/v1/users/00000000000A11CE/email/requestChange");
    assertThat(body(request))
        .isEqualTo(mapper.readTree("{\"email\":\"alice.liddell@example.org\"}"));
    assertBasicAuth(request);
  }

  @Test
  void resetPasswordPostsWithoutABody() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(204));

    api.resetPassword("00000000000A11CE");

    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getPath()).isEqualTo("/api/v1/users/00000000000A11CE/password/reset");
    assertThat(request.getBodySize()).isZero();
    assertBasicAuth(request);
  }

  @Test
  void unlockUserPostsToTheUnlockPath() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(204));

    api.unlockUser("00000000000A11CE");

    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getPath()).isEqualTo("/api/v1/users/00000000000A11CE/unlock");
    assertBasicAuth(request);
  }

  @Test
  void disableMfaPutsTheUsersCredentials() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(204));

    api.disableMfa(
        "00000000000A11CE",
        new DisableMfaRequest().email("alice@example.org").password("correct-horse"));

    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("PUT");
    assertThat(request.getPath()).isEqualTo("/api/v1/users/00000000000A11CE/mfa/disable");
    assertThat(body(request))
        .isEqualTo(
            mapper.readTree("{\"email\":\"alice@example.org\",\"password\":\"correct-horse\"}"));
    assertBasicAuth(request);
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).as("a request reached the server").isNotNull();
    return request;
  }

  private JsonNode body(RecordedRequest request) throws Exception {
    return mapper.readTree(request.getBody().readUtf8());
  }

  private static void assertBasicAuth(RecordedRequest request) {
    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString("suABCDEF:not-a-real-key".getBytes(StandardCharsets.UTF_8));
    assertThat(request.getHeader("Authorization")).isEqualTo(expected);
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", "application/json")
        .setBody(body);
  }
}
