package dev.sumoclient.users;

import static dev.sumoclient.users.TestClients.json;
import static dev.sumoclient.users.TestClients.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransportTest {
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  @Test
  void theUserAgentNamesLibraryAndJavaVersionsAndTheApplication() throws Exception {
    server.enqueue(json(200, user("1")));
    server.enqueue(json(200, user("1")));
    try (SumoUsersClient plain = TestClients.against(server, new FakeTime()).build();
        SumoUsersClient named =
            TestClients.against(server, new FakeTime()).applicationName("user-sync/2.1").build()) {
      plain.getUser("1");
      named.getUser("1");
    }
    String javaVersion = System.getProperty("java.version");
    String version = System.getProperty("sumo.project.version");
    assertThat(version).as("surefire passes the project version").isNotBlank();
    assertThat(server.takeRequest().getHeader("User-Agent"))
        .matches("sumo-users-java/\\d+\\.\\d+\\.\\d+[^ ]* \\(Java .+\\)")
        .isEqualTo("sumo-users-java/" + version + " (Java " + javaVersion + ")");
    assertThat(server.takeRequest().getHeader("User-Agent"))
        .isEqualTo("sumo-users-java/" + version + " (Java " + javaVersion + ") user-sync/2.1");
  }

  @Test
  void anApplicationNameThatWouldBreakTheHeaderIsRefused() {
    assertThatThrownBy(() -> SumoUsersClient.builder().applicationName("my app\r\nX-Evil: 1"))
        .isInstanceOf(SumoValidationException.class)
        .hasMessageContaining("applicationName");
  }

  @Test
  void requestsGoThroughTheConfiguredProxy() throws Exception {
    server.enqueue(json(200, user("1")));
    try (SumoUsersClient client =
        SumoUsersClient.builder()
            .endpoint(URI.create("http://api.example.test/api"))
            .allowInsecureHttp(true)
            .proxy(
                new Proxy(
                    Proxy.Type.HTTP, new InetSocketAddress(server.getHostName(), server.getPort())))
            .credentials(TestClients.uniqueAccessId(), TestClients.ACCESS_KEY)
            .rateLimiting(false)
            .build()) {
      client.getUser("1");
    }
    RecordedRequest request = server.takeRequest();
    assertThat(request.getRequestLine())
        .isEqualTo("GET http://api.example.test/api/v1/users/1 HTTP/1.1");
  }

  @Test
  void theListenerHearsEveryExchangeAndAFailingListenerBreaksNothing() {
    List<ClientListener.RequestEvent> events = new CopyOnWriteArrayList<>();
    server.enqueue(json(503, "busy"));
    server.enqueue(json(200, user("1")));
    try (SumoUsersClient client =
        TestClients.against(server, new FakeTime())
            .listener(
                new ClientListener() {
                  @Override
                  public void onRequest(RequestEvent event) {
                    events.add(event);
                  }

                  @Override
                  public void onRetry(RetryEvent event) {
                    throw new IllegalStateException("listener bug");
                  }
                })
            .build()) {
      assertThat(client.getUser("1").getId()).isEqualTo("1");
    }
    assertThat(events)
        .extracting(
            e ->
                e.operation()
                    + " "
                    + e.method()
                    + " "
                    + e.path()
                    + " "
                    + e.attempt()
                    + " "
                    + e.status())
        .containsExactly("getUser GET /api/v1/users/1 1 503", "getUser GET /api/v1/users/1 2 200");
    assertThat(events).allSatisfy(e -> assertThat(e.latency()).isPositive());
  }

  @Test
  void everyStartedExchangeEndsOnceNamingTheDeploymentAndAnyFailure() {
    List<String> events = new CopyOnWriteArrayList<>();
    ClientListener listener =
        new ClientListener() {
          @Override
          public void onRequestStarted(RequestStartEvent event) {
            events.add("start " + event.operation() + " " + event.method() + " " + event.attempt());
          }

          @Override
          public void onRequest(RequestEvent event) {
            events.add(
                "end "
                    + event.attempt()
                    + " "
                    + event.status()
                    + " "
                    + event.deployment()
                    + " "
                    + (event.failure() == null ? "-" : event.failure().getClass().getSimpleName()));
          }
        };
    server.enqueue(
        new okhttp3.mockwebserver.MockResponse()
            .setSocketPolicy(okhttp3.mockwebserver.SocketPolicy.DISCONNECT_AT_START));
    server.enqueue(json(200, user("1")));
    try (SumoUsersClient client =
        SumoUsersClient.builder()
            .deployment(Deployment.US2)
            .deploymentEndpointResolver(d -> server.url("/api").uri())
            .credentials(TestClients.uniqueAccessId(), TestClients.ACCESS_KEY)
            .timeSource(new FakeTime())
            .listener(listener)
            .build()) {
      assertThat(client.getUser("1").getId()).isEqualTo("1");
    }
    assertThat(events)
        .containsExactly(
            "start getUser GET 1",
            "end 1 0 US2 IOException",
            "start getUser GET 2",
            "end 2 200 US2 -");
  }

  @Test
  void aCustomEndpointReportsNoDeployment() {
    List<ClientListener.RequestEvent> events = new CopyOnWriteArrayList<>();
    server.enqueue(json(200, user("1")));
    try (SumoUsersClient client =
        TestClients.against(server, new FakeTime())
            .listener(
                new ClientListener() {
                  @Override
                  public void onRequest(RequestEvent event) {
                    events.add(event);
                  }
                })
            .build()) {
      client.getUser("1");
    }
    assertThat(events).singleElement().satisfies(e -> assertThat(e.deployment()).isNull());
  }

  @Test
  void timeoutsMustBePositive() {
    assertThatThrownBy(() -> SumoUsersClient.builder().callTimeout(java.time.Duration.ZERO))
        .isInstanceOf(SumoValidationException.class)
        .hasMessageContaining("callTimeout");
  }
}
