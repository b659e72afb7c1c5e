package dev.sumoclient.users.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LimitsAndFaultsTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private SumoEmulator emulator;

  @AfterEach
  void stop() {
    if (emulator != null) {
      emulator.close();
    }
  }

  private Api start(SumoEmulator.Builder builder) {
    emulator = builder.clock(clock).seedUsers(3).start();
    return new Api(emulator);
  }

  @Test
  void missingWrongOrMalformedCredentialsAre401WithAnErrorBody() {
    Api api = start(SumoEmulator.builder().accessKey("suAlice", "alice-key"));
    List<Api> callers =
        List.of(
            api.withAuthorization(null),
            api.withAuthorization(Api.basic("suAlice", "wrong")),
            api.withAuthorization(Api.basic("suNobody", "alice-key")),
            api.withAuthorization("Basic !!!not-base64"),
            api.withAuthorization("Bearer alice-key"));
    for (Api caller : callers) {
      Api.Response response = caller.get("/v1/users");
      assertThat(response.status()).isEqualTo(401);
      assertThat(response.errorCode()).isEqualTo("unauthorized");
      assertThat(response.body()).doesNotContain("alice-key");
    }
    assertThat(
            api.withAuthorization("basic " + Api.basic("suAlice", "alice-key").substring(6))
                .get("/v1/users")
                .status())
        .as("the scheme is case-insensitive")
        .isEqualTo(200);
  }

  @Test
  void eachConfiguredAccessKeyActsAsItsOwnOwner() {
    Api alice =
        start(SumoEmulator.builder().accessKey("suAlice", "a-key").accessKey("suBob", "b-key"));
    Api bob = alice.withAuthorization(Api.basic("suBob", "b-key"));
    String created =
        bob.post("/v1/users", Api.newUser("N", "M", "n@example.org"))
            .json()
            .get("createdBy")
            .asText();
    assertThat(created).isEqualTo(emulator.accessKeys().get(1).ownerId());
    assertThat(emulator.accessKeys().get(0).ownerId()).isNotEqualTo(created);
  }

  @Test
  void theFifthRequestInOneSecondIs429AndTheWindowSlides() {
    Api api = start(SumoEmulator.builder().limits(true));
    for (int i = 0; i < 4; i++) {
      assertThat(api.get("/v1/users").status()).isEqualTo(200);
    }
    Api.Response limited = api.get("/v1/users");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.errorCode()).isEqualTo("rate.limit.exceeded");
    assertThat(limited.header("Retry-After")).as("off by default").isNull();

    clock.advance(Duration.ofMillis(999));
    assertThat(api.get("/v1/users").status()).isEqualTo(429);
    clock.advance(Duration.ofMillis(1));
    assertThat(api.get("/v1/users").status()).isEqualTo(200);
  }

  @Test
  void retryAfterTellsHowLongUntilTheWindowHasRoom() {
    Api api = start(SumoEmulator.builder().limits(true).requestsPerSecond(2));
    emulator.limits().retryAfter(true);
    api.get("/v1/users");
    clock.advance(Duration.ofMillis(300));
    api.get("/v1/users");
    Api.Response limited = api.get("/v1/users");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isEqualTo("1");
  }

  @Test
  void limitsCanBeSwitchedOffAtRuntime() {
    Api api = start(SumoEmulator.builder().limits(true).requestsPerSecond(1));
    assertThat(api.get("/v1/users").status()).isEqualTo(200);
    assertThat(api.get("/v1/users").status()).isEqualTo(429);
    emulator.limits().enabled(false);
    for (int i = 0; i < 20; i++) {
      assertThat(api.get("/v1/users").status()).isEqualTo(200);
    }
  }

  @Test
  void keysOfDifferentOwnersAreCountedApart() {
    Api alice =
        start(
            SumoEmulator.builder()
                .accessKey("suAlice", "a-key")
                .accessKey("suBob", "b-key")
                .limits(true)
                .requestsPerSecond(1));
    Api bob = alice.withAuthorization(Api.basic("suBob", "b-key"));
    assertThat(alice.get("/v1/users").status()).isEqualTo(200);
    assertThat(alice.get("/v1/users").status()).isEqualTo(429);
    assertThat(bob.get("/v1/users").status()).isEqualTo(200);
  }

  @Test
  void theEleventhConcurrentRequestOfAKeyIs429() throws Exception {
    Api api = start(SumoEmulator.builder().limits(true).requestsPerSecond(1000).threads(24));
    // Admitted requests sleep far longer than the test runs, so whenever the others arrive, ten
    // are in flight: no timing assumption. Closing the emulator ends the sleepers.
    emulator.faults().latency(Duration.ofSeconds(60));
    int requests = 14;
    ExecutorService pool = Executors.newFixedThreadPool(requests);
    try {
      List<Future<Integer>> statuses = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        statuses.add(pool.submit(() -> api.get("/v1/users").status()));
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (statuses.stream().filter(Future::isDone).count() < requests - 10
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      List<Integer> answered = new ArrayList<>();
      for (Future<Integer> status : statuses) {
        if (status.isDone()) {
          answered.add(status.get());
        }
      }
      assertThat(answered).hasSize(requests - 10).containsOnly(429);
    } finally {
      emulator.close();
      pool.shutdownNow();
    }
  }

  @Test
  void wrongDeploymentAnswers301WithTheOtherDeploymentsUrl() {
    Api api = start(SumoEmulator.builder());
    emulator.faults().wrongDeployment(URI.create("https://api.us2.sumologic.com/api"));
    String id = emulator.users().get(0).id();
    Api.Response moved = api.get("/v1/users/" + id + "?x=1");
    assertThat(moved.status()).isEqualTo(301);
    assertThat(moved.header("Location"))
        .isEqualTo("https://api.us2.sumologic.com/api/v1/users/" + id + "?x=1");
    assertThat(moved.errorCode()).isEqualTo("api:wrong_deployment");
    assertThat(emulator.faults().wrongDeployment()).isPresent();

    emulator.faults().rightDeployment();
    assertThat(api.get("/v1/users/" + id).status()).isEqualTo(200);
  }

  @Test
  void theNextRequestsFailWithTheChosenStatusThenServiceResumes() {
    Api api = start(SumoEmulator.builder());
    emulator.faults().failNext(2, 503).failNext(1, 429, Duration.ofSeconds(7));
    Api.Response first = api.get("/v1/users");
    assertThat(first.status()).isEqualTo(503);
    assertThat(first.errorCode()).isEqualTo("service.unavailable");
    assertThat(api.post("/v1/users", Api.newUser("A", "B", "ab@example.org")).status())
        .isEqualTo(503);
    assertThat(emulator.userByEmail("ab@example.org"))
        .as("a failed create has no effect")
        .isEmpty();
    Api.Response throttled = api.get("/v1/users");
    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.header("Retry-After")).isEqualTo("7");
    assertThat(api.get("/v1/users").status()).isEqualTo(200);
    assertThat(emulator.faults().pendingFailures()).isZero();
  }

  @Test
  void injectedStatusesOutsideTheUsualSetGetTheInjectedCode() {
    Api api = start(SumoEmulator.builder());
    emulator.faults().failNext(1, 418);
    Api.Response response = api.get("/v1/users");
    assertThat(response.status()).isEqualTo(418);
    assertThat(response.errorCode()).isEqualTo("emulator:injected_fault");
    assertThatThrownBy(() -> emulator.faults().failNext(1, 200))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("status");
  }

  @Test
  void addedLatencyDelaysEveryAnswer() {
    Api api = start(SumoEmulator.builder());
    emulator.faults().latency(Duration.ofMillis(300));
    long started = System.nanoTime();
    assertThat(api.get("/v1/users").status()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    emulator.faults().clear();
    assertThat(emulator.faults().latency()).isZero();
  }

  @Test
  void aDroppedConnectionClosesWithoutAnyResponse() throws Exception {
    start(SumoEmulator.builder());
    emulator.faults().dropNextConnections(1);
    try (Socket socket = new Socket("127.0.0.1", emulator.port())) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /api/v1/users HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
                  + Api.basic(emulator.accessKey().id(), emulator.accessKey().key())
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      assertThat(in.read()).as("end of stream before any byte").isEqualTo(-1);
    }
    assertThat(emulator.journal().last().orElseThrow().status()).isZero();
    assertThat(new Api(emulator).get("/v1/users").status()).isEqualTo(200);
  }

  @Test
  void aDroppedConnectionSurfacesAsAnIoErrorToClients() {
    Api api = start(SumoEmulator.builder());
    emulator.faults().dropNextConnections(1);
    assertThatThrownBy(() -> api.post("/v1/users", Api.newUser("A", "B", "c@example.org")))
        .isInstanceOf(UncheckedIOException.class);
  }
}
