package dev.sumoclient.users;

import static dev.sumoclient.users.TestClients.error;
import static dev.sumoclient.users.TestClients.json;
import static dev.sumoclient.users.TestClients.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumoclient.users.generated.model.CreateUserDefinition;
import dev.sumoclient.users.generated.model.UpdateUserDefinition;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetryTest {
  private final MockWebServer server = new MockWebServer();
  private final FakeTime time = new FakeTime();
  private final List<ClientListener.RetryEvent> retries = new CopyOnWriteArrayList<>();
  private final List<ClientListener.ThrottleEvent> throttles = new CopyOnWriteArrayList<>();
  private SumoUsersClient client;

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    client = TestClients.against(server, time).listener(recordingListener()).build();
  }

  private ClientListener recordingListener() {
    return new ClientListener() {
      @Override
      public void onRetry(RetryEvent event) {
        retries.add(event);
      }

      @Override
      public void onThrottled(ThrottleEvent event) {
        throttles.add(event);
      }
    };
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    server.shutdown();
  }

  private static CreateUserDefinition newUser() {
    return new CreateUserDefinition()
        .firstName("Ada")
        .lastName("Lovelace")
        .email("ada@example.com")
        .roleIds(List.of("r1"));
  }

  @Test
  void throttledThenSuccessReturnsTheResult() {
    server.enqueue(json(429, error(429, "api:rate_limit_exceeded")));
    server.enqueue(json(200, user("1")));
    assertThat(client.getUser("1").getId()).isEqualTo("1");
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(throttles)
        .extracting(ClientListener.ThrottleEvent::source)
        .containsExactly(ClientListener.Source.SERVER);
  }

  @Test
  void throttledCreateIsRetriedBecauseTheServerDidNotProcessIt() {
    server.enqueue(json(429, error(429, "api:rate_limit_exceeded")));
    server.enqueue(json(200, user("1")));
    assertThat(client.createUser(newUser()).getId()).isEqualTo("1");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void retryAfterSecondsIsWaitedExactly() {
    server.enqueue(json(429, error(429, "rate")).setHeader("Retry-After", "7"));
    server.enqueue(json(200, user("1")));
    client.getUser("1");
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
    assertThat(retries)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.delay()).isEqualTo(Duration.ofSeconds(7));
              assertThat(r.nextAttempt()).isEqualTo(2);
            });
  }

  @Test
  void retryAfterHttpDateIsWaitedUntil() {
    String at =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            FakeTime.START.plusSeconds(12).atOffset(ZoneOffset.UTC));
    server.enqueue(json(503, error(503, "unavailable")).setHeader("Retry-After", at));
    server.enqueue(json(200, user("1")));
    client.getUser("1");
    assertThat(time.sleeps()).hasSize(1);
    assertThat(time.sleeps().get(0)).isBetween(Duration.ofSeconds(11), Duration.ofSeconds(12));
  }

  @Test
  void retryAfterLongerThanTheDeadlineGivesUpWithTheThrottle() {
    SumoUsersClient patient =
        TestClients.against(server, time).callTimeout(Duration.ofSeconds(5)).build();
    server.enqueue(json(429, error(429, "rate")).setHeader("Retry-After", "30"));
    assertThatThrownBy(() -> patient.getUser("1"))
        .isInstanceOfSatisfying(
            SumoThrottledException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(30)));
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(time.sleeps()).isEmpty();
    patient.close();
  }

  @Test
  void postsThatMayHaveBeenProcessedAreNeverResent() {
    server.enqueue(json(503, error(503, "unavailable")));
    assertThatThrownBy(() -> client.createUser(newUser())).isInstanceOf(SumoServerException.class);
    server.enqueue(json(502, "bad gateway"));
    assertThatThrownBy(() -> client.resetPassword("1")).isInstanceOf(SumoServerException.class);
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    assertThatThrownBy(() -> client.requestChangeEmail("1", "x@example.com"))
        .isInstanceOf(SumoIoException.class)
        .hasCauseInstanceOf(IOException.class);
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(retries).isEmpty();
  }

  @Test
  void idempotentOperationsAreRetriedAfterGatewayErrors() {
    server.enqueue(json(502, "bad gateway"));
    server.enqueue(json(503, error(503, "unavailable")));
    server.enqueue(json(504, "timeout"));
    server.enqueue(json(200, user("1")));
    client.updateUser(
        "1",
        new UpdateUserDefinition().firstName("A").lastName("B").isActive(true).roleIds(List.of()));
    assertThat(server.getRequestCount()).isEqualTo(4);
    assertThat(retries).extracting(ClientListener.RetryEvent::nextAttempt).containsExactly(2, 3, 4);
  }

  @Test
  void unlockIsRetriedAfterAConnectionFailure() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(new MockResponse().setResponseCode(204));
    client.unlockUser("1");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void internalServerErrorIsNotRetried() {
    server.enqueue(json(500, error(500, "internal")));
    assertThatThrownBy(() -> client.getUser("1")).isInstanceOf(SumoServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void givesUpAfterTheConfiguredRetries() {
    for (int i = 0; i < 6; i++) {
      server.enqueue(json(503, error(503, "unavailable")));
    }
    assertThatThrownBy(() -> client.getUser("1")).isInstanceOf(SumoServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(4);

    SumoUsersClient once =
        TestClients.against(server, time)
            .retryPolicy(RetryPolicy.builder().maxRetries(1).build())
            .build();
    assertThatThrownBy(() -> once.getUser("1")).isInstanceOf(SumoServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(6);
    once.close();
  }

  @Test
  void backoffIsExponentialWithFullJitterAndACap() {
    time.random(0.999_999);
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(503, error(503, "unavailable")));
    }
    server.enqueue(json(200, user("1")));
    SumoUsersClient jittered =
        TestClients.against(server, time)
            .retryPolicy(
                RetryPolicy.builder()
                    .baseDelay(Duration.ofMillis(100))
                    .maxDelay(Duration.ofMillis(300))
                    .build())
            .build();
    jittered.getUser("1");
    assertThat(time.sleeps()).hasSize(3);
    assertThat(time.sleeps().get(0)).isBetween(Duration.ofMillis(99), Duration.ofMillis(100));
    assertThat(time.sleeps().get(1)).isBetween(Duration.ofMillis(199), Duration.ofMillis(200));
    assertThat(time.sleeps().get(2)).isBetween(Duration.ofMillis(299), Duration.ofMillis(300));
    jittered.close();
  }

  @Test
  void noRetriesWithTheNonePolicy() {
    SumoUsersClient never =
        TestClients.against(server, time).retryPolicy(RetryPolicy.none()).build();
    server.enqueue(json(429, error(429, "rate")));
    assertThatThrownBy(() -> never.getUser("1")).isInstanceOf(SumoThrottledException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
    never.close();
  }

  @Test
  void aReadTimeoutIsRetriedOnlyWhenRepeatingIsSafe() {
    SumoUsersClient impatient =
        TestClients.against(server, time).readTimeout(Duration.ofMillis(200)).build();
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    server.enqueue(json(200, user("1")));
    assertThat(impatient.getUser("1").getId()).isEqualTo("1");
    assertThat(server.getRequestCount()).isEqualTo(2);

    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    assertThatThrownBy(() -> impatient.createUser(newUser()))
        .isInstanceOf(SumoTimeoutException.class);
    assertThat(server.getRequestCount()).isEqualTo(3);
    impatient.close();
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "9300000000",
        "99999999999999999999999",
        "Fri, 31 Dec 9999 23:59:59 GMT",
        "Fri, 01 Jan 2027 00:00:00 GMT"
      })
  void aHugeRetryAfterFailsAtOnceWithTheThrottleCarryingTheServersValue(String retryAfter) {
    server.enqueue(json(429, error(429, "rate")).setHeader("Retry-After", retryAfter));
    assertThatThrownBy(() -> client.getUser("1"))
        .isInstanceOfSatisfying(
            SumoThrottledException.class,
            e ->
                assertThat(e.retryAfter())
                    .hasValueSatisfying(
                        wait -> assertThat(wait).isGreaterThan(Duration.ofDays(300))));
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(time.sleeps()).isEmpty();
    assertThat(throttles).hasSize(1);
  }

  @Test
  void aHugeRetryAfterWithAnHttpDateKeepsTheServersExactValue() {
    server.enqueue(
        json(429, error(429, "rate")).setHeader("Retry-After", "Fri, 31 Dec 9999 23:59:59 GMT"));
    assertThatThrownBy(() -> client.getUser("1"))
        .isInstanceOfSatisfying(
            SumoThrottledException.class,
            e ->
                assertThat(e.retryAfter())
                    .contains(
                        Duration.between(
                            FakeTime.START, java.time.Instant.parse("9999-12-31T23:59:59Z"))));
  }

  @Test
  void aDeleteWhoseRetryFindsTheUserGoneHasSucceeded() {
    List<ClientListener.RequestEvent> requests = new CopyOnWriteArrayList<>();
    SumoUsersClient impatient =
        TestClients.against(server, time)
            .readTimeout(Duration.ofMillis(200))
            .listener(
                new ClientListener() {
                  @Override
                  public void onRequest(RequestEvent event) {
                    requests.add(event);
                  }
                })
            .build();
    // The first DELETE is processed, but its answer never arrives; the retry finds nothing to
    // delete.
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    server.enqueue(json(404, error(404, "user.not.found")));
    impatient.deleteUser("1", ContentDisposition.deleteContent());
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(requests)
        .last()
        .satisfies(
            r -> {
              assertThat(r.attempt()).isEqualTo(2);
              assertThat(r.status()).isEqualTo(404);
            });

    // A 404 to a first attempt, or to a retry after a throttle (not processed), is still not found.
    server.enqueue(json(404, error(404, "user.not.found")));
    assertThatThrownBy(() -> impatient.deleteUser("2", ContentDisposition.deleteContent()))
        .isInstanceOf(SumoNotFoundException.class);
    server.enqueue(json(429, error(429, "rate")).setHeader("Retry-After", "0"));
    server.enqueue(json(404, error(404, "user.not.found")));
    assertThatThrownBy(() -> impatient.deleteUser("3", ContentDisposition.deleteContent()))
        .isInstanceOf(SumoNotFoundException.class);
    impatient.close();
  }
}
