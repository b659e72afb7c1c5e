package dev.sumoclient.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumoclient.users.internal.QuotaLimiter;
import dev.sumoclient.users.internal.QuotaRegistry;
import dev.sumoclient.users.internal.TimeSource;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class QuotaTest {

  @Test
  void theRateWindowNeverHoldsMoreStartsThanAllowed() throws InterruptedException {
    FakeTime time = FakeTime.frozen();
    QuotaLimiter limiter = new QuotaLimiter(Quotas.sumoDefaults(), time);
    List<Long> starts = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      limiter.acquire(time.nanoTime() + Duration.ofMinutes(1).toNanos());
      starts.add(time.nanoTime());
      limiter.release();
    }
    for (int i = 0; i + 4 < starts.size(); i++) {
      assertThat(starts.get(i + 4) - starts.get(i))
          .as("start %d and %d", i, i + 4)
          .isGreaterThanOrEqualTo(Duration.ofSeconds(1).toNanos());
    }
    // The first four go at once; the other eight need exactly two more windows.
    assertThat(time.sleeps().stream().mapToLong(Duration::toNanos).sum())
        .isEqualTo(Duration.ofSeconds(2).toNanos());
  }

  @Test
  void theWindowOfASlotStartsWhenItsResponseArrivesNotWhenItLeft() throws InterruptedException {
    FakeTime time = FakeTime.frozen();
    QuotaLimiter limiter = new QuotaLimiter(Quotas.of(4, Duration.ofSeconds(1), 10), time);
    long deadline = Duration.ofMinutes(1).toNanos();
    for (int i = 0; i < 4; i++) {
      limiter.acquire(deadline);
    }
    time.sleep(Duration.ofMillis(300));
    for (int i = 0; i < 4; i++) {
      limiter.release();
    }
    // The four may have reached the server as late as 300 ms; a fifth sent at 1 s could land in
    // the same server second, so it waits until 1 s after the responses.
    limiter.acquire(deadline);
    assertThat(time.nanoTime()).isEqualTo(Duration.ofMillis(1300).toNanos());
  }

  @Test
  void aRequestStillOnTheWireKeepsItsSlotUntilItsResponse() throws Exception {
    FakeTime time = FakeTime.frozen();
    QuotaLimiter limiter = new QuotaLimiter(Quotas.of(4, Duration.ofSeconds(1), 10), time);
    long deadline = Duration.ofMinutes(1).toNanos();
    for (int i = 0; i < 4; i++) {
      limiter.acquire(deadline);
    }
    time.sleep(Duration.ofSeconds(2));
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Long> fifth =
          pool.submit(
              () -> {
                limiter.acquire(time.nanoTime() + deadline);
                return time.nanoTime();
              });
      // Two seconds after the four left, none has answered: the fifth must still wait.
      Thread.sleep(200);
      assertThat(fifth).isNotDone();
      limiter.release();
      assertThat(fifth.get(10, TimeUnit.SECONDS)).isEqualTo(Duration.ofSeconds(3).toNanos());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void waitingPastTheDeadlineFailsInsteadOfWaiting() throws InterruptedException {
    FakeTime time = FakeTime.frozen();
    QuotaLimiter limiter = new QuotaLimiter(Quotas.of(1, Duration.ofSeconds(10), 5), time);
    limiter.acquire(time.nanoTime() + 1_000_000_000L);
    limiter.release();
    assertThatThrownBy(() -> limiter.acquire(time.nanoTime() + Duration.ofSeconds(1).toNanos()))
        .isInstanceOf(QuotaLimiter.QuotaTimeoutException.class)
        .hasMessageContaining("rate");
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void theConcurrencyLimitHoldsUntilAPermitIsReleased() throws InterruptedException {
    QuotaLimiter limiter =
        new QuotaLimiter(Quotas.of(100, Duration.ofSeconds(1), 2), TimeSource.SYSTEM);
    long later = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    limiter.acquire(later);
    limiter.acquire(later);
    assertThatThrownBy(() -> limiter.acquire(System.nanoTime() + Duration.ofMillis(50).toNanos()))
        .isInstanceOf(QuotaLimiter.QuotaTimeoutException.class)
        .hasMessageContaining("concurrency");
    limiter.release();
    limiter.acquire(System.nanoTime() + Duration.ofMillis(50).toNanos());
  }

  @Test
  void clientsOfTheSameAccessIdShareOneLimiter() {
    Quotas quotas = Quotas.of(3, Duration.ofSeconds(1), 2);
    String id = TestClients.uniqueAccessId();
    QuotaLimiter a = QuotaRegistry.limiterFor(id, quotas, TimeSource.SYSTEM);
    QuotaLimiter b = QuotaRegistry.limiterFor(id, quotas, TimeSource.SYSTEM);
    QuotaLimiter other = QuotaRegistry.limiterFor(id + "x", quotas, TimeSource.SYSTEM);
    assertThat(a).isSameAs(b).isNotSameAs(other);
  }

  /** Records when requests arrive and how many are in flight at once. */
  private static final class MeteringDispatcher extends Dispatcher {
    final List<Long> arrivals = new CopyOnWriteArrayList<>();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
      arrivals.add(System.nanoTime());
      int now = inFlight.incrementAndGet();
      maxInFlight.accumulateAndGet(now, Math::max);
      try {
        Thread.sleep(15);
      } finally {
        inFlight.decrementAndGet();
      }
      return TestClients.json(200, TestClients.user("1"));
    }
  }

  @Test
  void quotasHoldUnderSixteenThreadsAcrossTwoClientsOfOneAccessId() throws Exception {
    int perWindow = 8;
    Duration window = Duration.ofMillis(400);
    int concurrent = 3;
    MeteringDispatcher dispatcher = new MeteringDispatcher();
    List<ClientListener.ThrottleEvent> throttles = new CopyOnWriteArrayList<>();
    ClientListener listener =
        new ClientListener() {
          @Override
          public void onThrottled(ThrottleEvent event) {
            throttles.add(event);
          }
        };
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(dispatcher);
      server.start(InetAddress.getByName("127.0.0.1"), 0);
      String accessId = TestClients.uniqueAccessId();
      Quotas quotas = Quotas.of(perWindow, window, concurrent);
      try (SumoUsersClient first = shared(server, accessId, quotas, listener);
          SumoUsersClient second = shared(server, accessId, quotas, listener)) {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
          SumoUsersClient client = t % 2 == 0 ? first : second;
          futures.add(
              pool.submit(
                  () -> {
                    go.await();
                    client.getUser("1");
                    client.getUser("1");
                    return null;
                  }));
        }
        go.countDown();
        for (Future<?> f : futures) {
          f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
      }
    }
    List<Long> arrivals = new ArrayList<>(dispatcher.arrivals);
    Collections.sort(arrivals);
    assertThat(arrivals).hasSize(32);
    assertThat(dispatcher.maxInFlight.get()).isLessThanOrEqualTo(concurrent);
    // The limiter times the start on the client; a fresh connection or a busy CPU can delay a
    // request's arrival at the server, so compare with a margin. Without the limiter, 32 requests
    // of 15 ms on 3 connections arrive within ~200 ms, far inside window - tolerance.
    long tolerance = Duration.ofMillis(150).toNanos();
    for (int i = 0; i + perWindow < arrivals.size(); i++) {
      assertThat(arrivals.get(i + perWindow) - arrivals.get(i))
          .as("arrivals %d and %d", i, i + perWindow)
          .isGreaterThanOrEqualTo(window.toNanos() - tolerance);
    }
    assertThat(throttles)
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.source()).isEqualTo(ClientListener.Source.CLIENT_QUOTA));
  }

  private static SumoUsersClient shared(
      MockWebServer server, String accessId, Quotas quotas, ClientListener listener) {
    return SumoUsersClient.builder()
        .endpoint(server.url("/api").uri())
        .credentials(accessId, TestClients.ACCESS_KEY)
        .quotas(quotas)
        .listener(listener)
        .build();
  }

  /** A client whose quota allows a single request, then nothing for half a minute. */
  private static SumoUsersClient.Builder oneRequestPerHalfMinute(MockWebServer server) {
    return SumoUsersClient.builder()
        .endpoint(server.url("/api").uri())
        .credentials(TestClients.uniqueAccessId(), TestClients.ACCESS_KEY)
        .quotas(Quotas.of(1, Duration.ofSeconds(30), 1));
  }

  @Test
  void waitingForQuotaCountsAgainstTheCallDeadline() throws IOException {
    try (MockWebServer server = new MockWebServer()) {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
      server.enqueue(TestClients.json(200, TestClients.user("1")));
      server.enqueue(TestClients.json(200, TestClients.user("1")));
      try (SumoUsersClient client =
          oneRequestPerHalfMinute(server).callTimeout(Duration.ofMillis(500)).build()) {
        client.getUser("1");
        long start = System.nanoTime();
        assertThatThrownBy(() -> client.getUser("1"))
            .isInstanceOf(SumoTimeoutException.class)
            .hasMessageContaining("quota");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      }
      assertThat(server.getRequestCount()).isEqualTo(1);
    }
  }

  @Test
  void rateLimitingCanBeTurnedOff() throws IOException {
    try (MockWebServer server = new MockWebServer()) {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
      server.enqueue(TestClients.json(200, TestClients.user("1")));
      server.enqueue(TestClients.json(200, TestClients.user("1")));
      try (SumoUsersClient client =
          oneRequestPerHalfMinute(server)
              .rateLimiting(false)
              .callTimeout(Duration.ofSeconds(2))
              .build()) {
        client.getUser("1");
        client.getUser("1");
      }
      assertThat(server.getRequestCount()).isEqualTo(2);
    }
  }

  @Test
  void quotaNumbersMustBePositive() {
    assertThatThrownBy(() -> Quotas.of(0, Duration.ofSeconds(1), 1))
        .isInstanceOf(SumoValidationException.class)
        .hasMessageContaining("requests");
    assertThat(Quotas.sumoDefaults().requests()).isEqualTo(4);
    assertThat(Quotas.sumoDefaults().per()).isEqualTo(Duration.ofSeconds(1));
    assertThat(Quotas.sumoDefaults().maxConcurrent()).isEqualTo(10);
  }
}
