package dev.sumoclient.users;

import static dev.sumoclient.users.TestClients.json;
import static dev.sumoclient.users.TestClients.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.sumoclient.users.generated.model.CreateUserDefinition;
import dev.sumoclient.users.internal.Engine;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RedirectTest {
  private final MockWebServer us2 = new MockWebServer();
  private final MockWebServer eu = new MockWebServer();
  private final FakeTime time = new FakeTime();
  private final List<ClientListener.RedirectEvent> redirects = new CopyOnWriteArrayList<>();

  private final ListAppender<ILoggingEvent> engineLog = new ListAppender<>();

  @BeforeEach
  void start() throws IOException {
    engineLog.start();
    ((Logger) LoggerFactory.getLogger(Engine.class)).addAppender(engineLog);
    us2.start(InetAddress.getByName("127.0.0.1"), 0);
    eu.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() throws IOException {
    ((Logger) LoggerFactory.getLogger(Engine.class)).detachAppender(engineLog);
    us2.shutdown();
    eu.shutdown();
  }

  /** A client for US2 whose deployments resolve to the local servers, as a gateway would. */
  private SumoUsersClient client(boolean follow) {
    return SumoUsersClient.builder()
        .deployment(Deployment.US2)
        .deploymentEndpointResolver(
            d ->
                d.equals(Deployment.US2)
                    ? us2.url("/api").uri()
                    : d.equals(Deployment.EU) ? eu.url("/api").uri() : d.apiBaseUri())
        .credentials(TestClients.uniqueAccessId(), TestClients.ACCESS_KEY)
        .rateLimiting(false)
        .timeSource(time)
        .followDeploymentRedirects(follow)
        .listener(
            new ClientListener() {
              @Override
              public void onRedirected(RedirectEvent event) {
                redirects.add(event);
              }
            })
        .build();
  }

  private static MockResponse movedTo(String location) {
    return new MockResponse().setResponseCode(301).setHeader("Location", location);
  }

  @Test
  void byDefaultAWrongDeploymentIsReportedNamingTheRightOne() {
    us2.enqueue(movedTo("https://api.eu.sumologic.com/api/v1/users/1"));
    try (SumoUsersClient client = client(false)) {
      assertThatThrownBy(() -> client.getUser("1"))
          .isInstanceOfSatisfying(
              SumoWrongDeploymentException.class,
              e -> {
                assertThat(e.status()).isEqualTo(301);
                assertThat(e.targetDeployment()).contains(Deployment.EU);
                assertThat(e.location()).contains("https://api.eu.sumologic.com/api/v1/users/1");
                assertThat(e.getMessage()).contains("deployment EU", "Deployment.EU");
              });
    }
    assertThat(eu.getRequestCount()).isZero();
  }

  @Test
  void optInFollowReplaysTheRequestThereAndKeepsUsingThatDeployment() throws Exception {
    us2.enqueue(movedTo("https://api.eu.sumologic.com/api/v1/users"));
    eu.enqueue(json(200, user("1")));
    eu.enqueue(json(200, user("2")));
    try (SumoUsersClient client = client(true)) {
      CreateUserDefinition definition =
          new CreateUserDefinition()
              .firstName("Ada")
              .lastName("L")
              .email("ada@example.com")
              .roleIds(List.of("r"));
      assertThat(client.createUser(definition).getId()).isEqualTo("1");
      RecordedRequest replayed = eu.takeRequest();
      assertThat(replayed.getMethod()).isEqualTo("POST");
      assertThat(replayed.getPath()).isEqualTo("/api/v1/users");
      assertThat(replayed.getBody().readUtf8()).contains("ada@example.com");
      assertThat(replayed.getHeader("Authorization")).startsWith("Basic ");

      assertThat(client.getUser("2").getId()).isEqualTo("2");
      assertThat(client.deployment()).contains(Deployment.EU);
      assertThat(client.endpoint()).isEqualTo(eu.url("/api").uri());
    }
    assertThat(us2.getRequestCount()).isEqualTo(1);
    assertThat(eu.getRequestCount()).isEqualTo(2);
    assertThat(redirects)
        .singleElement()
        .isEqualTo(new ClientListener.RedirectEvent("createUser", Deployment.US2, Deployment.EU));
  }

  @Test
  void aRedirectOutsideSumologicIsRefusedEvenWhenFollowing() {
    String evil = eu.url("/api/v1/users/1").toString();
    us2.enqueue(movedTo(evil));
    us2.enqueue(movedTo("https://api.eu.sumologic.com.attacker.example/api/v1/users/1"));
    us2.enqueue(movedTo("http://api.eu.sumologic.com/api/v1/users/1"));
    try (SumoUsersClient client = client(true)) {
      for (int i = 0; i < 3; i++) {
        assertThatThrownBy(() -> client.getUser("1"))
            .isInstanceOfSatisfying(
                SumoWrongDeploymentException.class,
                e -> {
                  assertThat(e.targetDeployment()).isEmpty();
                  assertThat(e.getMessage()).contains("refusing", "sumologic.com");
                });
      }
    }
    assertThat(eu.getRequestCount()).isZero();
    assertThat(redirects).isEmpty();
  }

  @Test
  void aSecondRedirectInTheSameCallIsNotFollowed() {
    us2.enqueue(movedTo("https://api.eu.sumologic.com/api/v1/users/1"));
    eu.enqueue(movedTo("https://api.us2.sumologic.com/api/v1/users/1"));
    try (SumoUsersClient client = client(true)) {
      assertThatThrownBy(() -> client.getUser("1"))
          .isInstanceOfSatisfying(
              SumoWrongDeploymentException.class,
              e -> assertThat(e.targetDeployment()).contains(Deployment.US2));
    }
    assertThat(us2.getRequestCount() + eu.getRequestCount()).isEqualTo(2);
  }
}
