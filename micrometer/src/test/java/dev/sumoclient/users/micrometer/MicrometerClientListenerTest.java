package dev.sumoclient.users.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumoclient.users.Deployment;
import dev.sumoclient.users.Quotas;
import dev.sumoclient.users.SumoNotFoundException;
import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.emulator.SumoEmulator;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MicrometerClientListenerTest {
  private static final AtomicInteger IDS = new AtomicInteger();

  private @org.jspecify.annotations.Nullable SumoEmulator emulator;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private String userId;

  @AfterEach
  void stop() {
    if (emulator != null) {
      emulator.close();
    }
  }

  /** Each test its own emulator and access id, so the JVM-wide quota limiter starts empty. */
  private SumoUsersClient.Builder client() {
    String accessId = "suMetrics" + IDS.incrementAndGet();
    emulator = SumoEmulator.builder().seedUsers(1).accessKey(accessId, "metrics-test-key").start();
    userId = emulator.users().get(0).id();
    return SumoUsersClient.builder()
        .deployment(Deployment.US2)
        .deploymentEndpointResolver(d -> emulator.baseUri())
        .credentials(accessId, "metrics-test-key")
        .listener(new MicrometerClientListener(registry, Tags.of("client", "test")));
  }

  private static List<String> tagsOf(Meter meter) {
    return meter.getId().getTags().stream().map(t -> t.getKey() + "=" + t.getValue()).toList();
  }

  @Test
  void aSuccessIsTimedWithOperationStatusOutcomeDeploymentAndNoRetry() {
    try (SumoUsersClient client = client().build()) {
      client.getUser(userId);
    }
    Timer timer = registry.get(MicrometerClientListener.REQUESTS).timer();
    assertThat(timer.count()).isEqualTo(1);
    assertThat(timer.totalTime(TimeUnit.NANOSECONDS)).isPositive();
    assertThat(tagsOf(timer))
        .containsExactlyInAnyOrder(
            "client=test",
            "operation=getUser",
            "method=GET",
            "status=200",
            "exception=none",
            "outcome=SUCCESS",
            "deployment=us2",
            "retry=false");
    assertThat(registry.find(MicrometerClientListener.RETRIES).counter()).isNull();
    assertThat(registry.find(MicrometerClientListener.THROTTLED).counter()).isNull();
    assertThat(registry.get(MicrometerClientListener.ACTIVE_REQUESTS).longTaskTimer().activeTasks())
        .isZero();
  }

  @Test
  void aNotFoundIsAClientErrorAndNeverCarriesTheUserId() {
    try (SumoUsersClient client = client().build()) {
      assertThatThrownBy(() -> client.getUser("0000000000ABCDEF"))
          .isInstanceOf(SumoNotFoundException.class);
    }
    Timer timer = registry.get(MicrometerClientListener.REQUESTS).timer();
    assertThat(timer.count()).isEqualTo(1);
    assertThat(tagsOf(timer))
        .contains("status=404", "outcome=CLIENT_ERROR", "exception=none", "retry=false");
    assertThat(registry.getMeters())
        .flatExtracting(m -> m.getId().getTags())
        .extracting(Tag::getValue)
        .noneMatch(v -> v.contains("0000000000ABCDEF") || v.contains("/"));
  }

  @Test
  void a429ThenSuccessCountsOneThrottleOneRetryAndTimesBothAttempts() {
    try (SumoUsersClient client = client().build()) {
      emulator.faults().failNext(1, 429);
      client.getUser(userId);
    }
    assertThat(tagsOf(registry.get(MicrometerClientListener.REQUESTS).tag("status", "429").timer()))
        .contains("outcome=CLIENT_ERROR", "retry=false");
    assertThat(
            registry
                .get(MicrometerClientListener.REQUESTS)
                .tags("status", "200", "retry", "true")
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(registry.get(MicrometerClientListener.REQUESTS).timers())
        .extracting(Timer::count)
        .containsExactlyInAnyOrder(1L, 1L);
    assertThat(
            registry
                .get(MicrometerClientListener.RETRIES)
                .tags("operation", "getUser", "cause", "SumoThrottledException")
                .counter()
                .count())
        .isEqualTo(1.0);
    assertThat(
            registry
                .get(MicrometerClientListener.THROTTLED)
                .tag("operation", "getUser")
                .counter()
                .count())
        .isEqualTo(1.0);
  }

  @Test
  void aQuotaWaitIsTimed() {
    try (SumoUsersClient client =
        client().quotas(Quotas.of(1, Duration.ofMillis(400), 10)).build()) {
      client.getUser(userId);
      client.getUser(userId);
    }
    Timer wait =
        registry.get(MicrometerClientListener.QUOTA_WAIT).tag("operation", "getUser").timer();
    assertThat(wait.count()).isEqualTo(1);
    assertThat(wait.totalTime(TimeUnit.MILLISECONDS)).isGreaterThan(100);
    assertThat(registry.get(MicrometerClientListener.REQUESTS).timer().count()).isEqualTo(2);
  }

  @Test
  void anExchangeOnTheWireIsCountedInFlightUntilItsAnswerArrives() throws Exception {
    try (SumoUsersClient client = client().build()) {
      emulator.faults().latency(Duration.ofMillis(500));
      CompletableFuture<?> call = CompletableFuture.runAsync(() -> client.getUser(userId));
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (registry.find(MicrometerClientListener.ACTIVE_REQUESTS).longTaskTimer() == null
          || registry.get(MicrometerClientListener.ACTIVE_REQUESTS).longTaskTimer().activeTasks()
              == 0) {
        assertThat(System.nanoTime()).isLessThan(until);
        Thread.sleep(5);
      }
      assertThat(
              registry
                  .get(MicrometerClientListener.ACTIVE_REQUESTS)
                  .tag("operation", "getUser")
                  .longTaskTimer()
                  .activeTasks())
          .isEqualTo(1);
      call.get(5, TimeUnit.SECONDS);
    }
    assertThat(registry.get(MicrometerClientListener.ACTIVE_REQUESTS).longTaskTimer().activeTasks())
        .isZero();
  }

  @Test
  void anIoFailureIsTaggedWithItsExceptionAndNoStatus() {
    try (SumoUsersClient client =
        client().retryPolicy(dev.sumoclient.users.RetryPolicy.none()).build()) {
      emulator.close();
      assertThatThrownBy(() -> client.getUser(userId)).isNotNull();
    }
    Timer timer = registry.get(MicrometerClientListener.REQUESTS).timer();
    assertThat(tagsOf(timer)).contains("status=NONE", "outcome=UNKNOWN");
    assertThat(tagsOf(timer)).noneMatch(t -> t.equals("exception=none"));
  }
}
