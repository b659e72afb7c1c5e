package dev.sumoclient.users;

import static dev.sumoclient.users.TestClients.ACCESS_KEY;
import static dev.sumoclient.users.TestClients.json;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SecretsTest {
  private static final String PASSWORD = "Pa55-word-NEVER-LOGGED";
  private final MockWebServer server = new MockWebServer();
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final List<String> exceptionTexts = new ArrayList<>();
  private Logger root;
  private Level previousLevel;

  @BeforeEach
  void captureEverything() throws IOException {
    root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    previousLevel = root.getLevel();
    root.setLevel(Level.TRACE);
    appender.start();
    root.addAppender(appender);
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void release() throws IOException {
    root.detachAppender(appender);
    root.setLevel(previousLevel);
    server.shutdown();
  }

  private void expectFailure(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        exceptionTexts.add(t.toString());
      }
    }
  }

  @Test
  void logsAndExceptionsNeverContainTheKeyAuthorizationOrPasswords() {
    String accessId = TestClients.uniqueAccessId();
    String authorization =
        Base64.getEncoder()
            .encodeToString((accessId + ":" + ACCESS_KEY).getBytes(StandardCharsets.UTF_8));
    server.enqueue(json(503, "{\"id\":\"E\",\"errors\":[]}"));
    server.enqueue(new MockResponse().setResponseCode(204));
    server.enqueue(json(401, TestClients.error(401, "unauthorized")));
    server.enqueue(json(400, "{\"password\":\"" + PASSWORD + "\"} is not acceptable"));
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(json(503, "busy"));
    try (SumoUsersClient client =
        TestClients.against(server, new FakeTime())
            .credentials(accessId, ACCESS_KEY)
            .retryPolicy(RetryPolicy.builder().maxRetries(1).build())
            .build()) {
      client.disableMfa("1", "ada@example.com", PASSWORD.toCharArray());
      expectFailure(() -> client.disableMfa("1", "ada@example.com", PASSWORD.toCharArray()));
      expectFailure(() -> client.disableMfa("1", "ada@example.com", PASSWORD.toCharArray()));
      expectFailure(() -> client.disableMfa("1", "ada@example.com", PASSWORD.toCharArray()));
      expectFailure(() -> client.disableMfa("1", "bad-email", PASSWORD.toCharArray()));
      exceptionTexts.add(client.toString());
    }
    expectFailure(
        () ->
            SumoUsersClient.builder()
                .deployment(Deployment.US2)
                .credentialsProvider(() -> Credentials.of(accessId, " "))
                .build());

    List<String> logged = new ArrayList<>();
    for (ILoggingEvent event : appender.list) {
      logged.add(event.getFormattedMessage());
      if (event.getThrowableProxy() != null) {
        logged.add(event.getThrowableProxy().getMessage());
      }
    }
    assertThat(logged)
        .as("each exchange is logged with operation, method, path, status, latency and attempt")
        .anySatisfy(
            line ->
                assertThat(line)
                    .matches(
                        "disableMfa PUT /api/v1/users/1/mfa/disable -> 204 in \\d+ ms \\(attempt 2\\)"));
    assertThat(logged)
        .as("the request body was logged, redacted")
        .anySatisfy(line -> assertThat(line).contains("\"password\":\"****\""));
    assertThat(exceptionTexts).hasSizeGreaterThanOrEqualTo(5);
    for (String text : concat(logged, exceptionTexts)) {
      assertThat(text).doesNotContain(ACCESS_KEY, authorization, PASSWORD);
    }
  }

  @Test
  void aGatewayEchoingTheRequestNeverPutsCredentialsOrPasswordsIntoExceptions() {
    String accessId = TestClients.uniqueAccessId();
    String basic =
        Base64.getEncoder()
            .encodeToString((accessId + ":" + ACCESS_KEY).getBytes(StandardCharsets.UTF_8));
    server.setDispatcher(
        new okhttp3.mockwebserver.Dispatcher() {
          @Override
          public MockResponse dispatch(okhttp3.mockwebserver.RecordedRequest request) {
            // Headers echoed one per line as they came (OkHttp's own Headers.toString() would
            // already hide Authorization, which a real gateway does not).
            StringBuilder echo = new StringBuilder("Bad gateway. Your request: ");
            echo.append(request.getRequestLine()).append('\n');
            okhttp3.Headers headers = request.getHeaders();
            for (int i = 0; i < headers.size(); i++) {
              echo.append(headers.name(i)).append(": ").append(headers.value(i)).append('\n');
            }
            echo.append(request.getBody().readUtf8());
            return new MockResponse()
                .setResponseCode(502)
                .setHeader("Content-Type", "text/plain")
                .setBody(echo.toString());
          }
        });
    List<MockResponse> others =
        List.of(
            json(400, "{\"errors\":[{\"code\":\"x\",\"message\":\"key " + ACCESS_KEY + "\"}]}"),
            json(400, "{\"newPassword\":\"" + PASSWORD + "\",\"x\":1}"),
            json(400, "{\"p\\u0061ssword\":\"" + PASSWORD + "\"}"),
            json(400, "{\"clientSecret\": \"" + PASSWORD + "\"}"),
            new MockResponse()
                .setResponseCode(403)
                .setBody("denied: Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl"),
            new MockResponse()
                .setResponseCode(403)
                .setBody("key=" + ACCESS_KEY + "&id=" + accessId));
    try (SumoUsersClient client =
        TestClients.against(server, new FakeTime())
            .credentials(accessId, ACCESS_KEY)
            .retryPolicy(RetryPolicy.none())
            .build()) {
      expectFailure(() -> client.disableMfa("1", "ada@example.com", PASSWORD.toCharArray()));
      expectFailure(() -> client.getUser("1"));
      server.setDispatcher(new okhttp3.mockwebserver.QueueDispatcher());
      for (MockResponse response : others) {
        server.enqueue(response);
        expectFailure(() -> client.getUser("1"));
      }
    }
    assertThat(exceptionTexts).hasSizeGreaterThanOrEqualTo(8);
    for (String text : exceptionTexts) {
      assertThat(text)
          .doesNotContain(ACCESS_KEY, basic, PASSWORD, "eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl");
    }
    assertThat(exceptionTexts)
        .as("the echo is still shown, redacted")
        .anySatisfy(text -> assertThat(text).contains("Authorization: ****"));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
