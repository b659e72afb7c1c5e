package dev.sumoclient.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumoclient.users.internal.InJvmQuotaCoordinator;
import dev.sumoclient.users.internal.TimeSource;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IntSummaryStatistics;
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

  private static final Duration MINUTE = Duration.ofMinutes(1);

  private static long millis(long value) {
    return Duration.ofMillis(value).toNanos();
  }

  @Test
  void theRateWindowNeverHoldsMoreStartsThanAllowed() throws InterruptedException {
    FakeTime time = FakeTime.frozen();
    QuotaCoordinator coordinator = InJvmQuotaCoordinator.unshared(time);
    QuotaKey key = QuotaKey.of(TestClients.uniqueAccessId());
    List<Long> starts = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      try (QuotaPermit permit = coordinator.acquire(key, Quotas.sumoDefaults(), MINUTE)) {
        starts.add(time.nanoTime());
        permit.sent();
      }
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
  void aPermitGrantedAtOnceReportsNoWaitHoweverSlowTheMachine() throws InterruptedException {
    // Every clock read is 5 ms later than the one before: a loaded machine, or a first call that
    // loads classes. Only a real wait for the quota may show as one (metrics, throttle events).
    FakeTime time = FakeTime.frozen();
    TimeSource slow =
        new TimeSource() {
          @Override
          public long nanoTime() {
            time.sleep(Duration.ofMillis(5));
            return time.nanoTime();
          }

          @Override
          public java.time.Instant now() {
            return time.now();
          }

          @Override
          public void sleep(Duration duration) {
            time.sleep(duration);
          }

          @Override
          public void await(java.util.concurrent.locks.Condition condition, long nanos) {
            time.await(condition, nanos);
          }

          @Override
          public double random() {
            return time.random();
          }
        };
    QuotaCoordinator coordinator = InJvmQuotaCoordinator.unshared(slow);
    QuotaKey key = QuotaKey.of(TestClients.uniqueAccessId());
    Quotas twoPerSecond = Quotas.of(2, Duration.ofSeconds(1), 10);
    List<Duration> waits = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      try (QuotaPermit permit = coordinator.acquire(key, twoPerSecond, MINUTE)) {
        permit.sent();
        waits.add(permit.waited());
      }
    }
    assertThat(waits.get(0)).isZero();
    assertThat(waits.get(1)).isZero();
    assertThat(waits.get(2)).as("the third waits for the window").isPositive();
  }

  @Test
  void aResponseBeforeTheMarginStampsTheSlotAtTheResponse() throws InterruptedException {
    FakeTime time = FakeTime.frozen();
    QuotaCoordinator coordinator = InJvmQuotaCoordinator.unshared(time);
    QuotaKey key = QuotaKey.of(TestClients.uniqueAccessId());
    List<QuotaPermit> permits = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      QuotaPermit permit = coordinator.acquire(key, Quotas.sumoDefaults(), MINUTE);
      permit.sent();
      permits.add(permit);
    }
    time.sleep(Duration.ofMillis(300));
    permits.forEach(QuotaPermit::close);
    // The four reached the server by 300 ms at the latest, so a fifth may go 1 s after that.
    coordinator.acquire(key, Quotas.sumoDefaults(), MINUTE).close();
    assertThat(time.nanoTime()).isEqualTo(millis(1300));
  }

  @Test
  void aSlowCallFreesItsRateSlotOneMarginAfterItWasWritten() throws InterruptedException {
    FakeTime time = FakeTime.frozen();
    QuotaCoordinator coordinator = InJvmQuotaCoordinator.unshared(time);
    QuotaKey key = QuotaKey.of(TestClients.uniqueAccessId());
    Quotas quotas = Quotas.sumoDefaults();
    // Before any exchange is measured, the margin is its cap, 1 s.
    for (int i = 0; i < 4; i++) {
      coordinator.acquire(key, quotas, MINUTE).sent();
    }
    coordinator.acquire(key, quotas, MINUTE).sent();
    assertThat(time.nanoTime())
        .as("none of the four slow calls has answered, yet the fifth goes")
        .isEqualTo(millis(2000));
  }

  @Test
  void theMarginIsLearnedFromTheShortestExchange() throws InterruptedException {
    FakeTime time = FakeTime.frozen();
    QuotaCoordinator coordinator = InJvmQuotaCoordinator.unshared(time);
    QuotaKey key = QuotaKey.of(TestClients.uniqueAccessId());
    Quotas quotas = Quotas.sumoDefaults();
    long[] exchangeMillis = {40, 10, 30, 20};
    for (long exchange : exchangeMillis) {
      try (QuotaPermit permit = coordinator.acquire(key, quotas, MINUTE)) {
        permit.sent();
        time.sleep(Duration.ofMillis(exchange));
      }
    }
    time.sleep(Duration.ofSeconds(2));
    long start = time.nanoTime();
    for (int i = 0; i < 4; i++) {
      coordinator.acquire(key, quotas, MINUTE).sent();
    }
    coordinator.acquire(key, quotas, MINUTE).close();
    // Margin = 250 ms + 2 x the shortest exchange (10 ms).
    assertThat(time.nanoTime() - start).isEqualTo(millis(1270));
  }

  @Test
  void theMarginNeverExceedsOneSecondEvenWhenEveryCallIsSlow() throws InterruptedException {
    FakeTime time = FakeTime.frozen();
    QuotaCoordinator coordinator = InJvmQuotaCoordinator.unshared(time);
    QuotaKey key = QuotaKey.of(TestClients.uniqueAccessId());
    Quotas quotas = Quotas.sumoDefaults();
    for (int i = 0; i < 4; i++) {
      try (QuotaPermit permit = coordinator.acquire(key, quotas, MINUTE)) {
        permit.sent();
        time.sleep(Duration.ofSeconds(3));
      }
    }
    long start = time.nanoTime();
    for (int i = 0; i < 4; i++) {
      coordinator.acquire(key, quotas, MINUTE).sent();
    }
    coordinator.acquire(key, quotas, MINUTE).close();
    assertThat(time.nanoTime() - start).isEqualTo(millis(2000));
  }

  @Test
  void aRequestNotYetWrittenKeepsItsSlot() throws Exception {
    FakeTime time = FakeTime.frozen();
    QuotaCoordinator coordinator = InJvmQuotaCoordinator.unshared(time);
    QuotaKey key = QuotaKey.of(TestClients.uniqueAccessId());
    Quotas quotas = Quotas.sumoDefaults();
    List<QuotaPermit> permits = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      permits.add(coordinator.acquire(key, quotas, MINUTE));
    }
    time.sleep(Duration.ofSeconds(2));
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Long> fifth =
          pool.submit(
              () -> {
                coordinator.acquire(key, quotas, MINUTE).close();
                return time.nanoTime();
              });
      // Two seconds after the four were granted, none has been written: the fifth must wait.
      Thread.sleep(200);
      assertThat(fifth).isNotDone();
      permits.get(2).sent();
      assertThat(fifth.get(10, TimeUnit.SECONDS)).isEqualTo(millis(2000 + 1000 + 1000));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void waitingPastTheDeadlineFailsInsteadOfWaiting() throws InterruptedException {
    FakeTime time = FakeTime.frozen();
    QuotaCoordinator coordinator = InJvmQuotaCoordinator.unshared(time);
    QuotaKey key = QuotaKey.of(TestClients.uniqueAccessId());
    Quotas quotas = Quotas.of(1, Duration.ofSeconds(10), 5);
    coordinator.acquire(key, quotas, Duration.ofSeconds(1)).close();
    assertThatThrownBy(() -> coordinator.acquire(key, quotas, Duration.ofSeconds(1)))
        .isInstanceOf(SumoTimeoutException.class)
        .hasMessageContaining("rate");
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void theInFlightCapHoldsUntilAPermitIsClosed() throws InterruptedException {
    QuotaCoordinator coordinator = InJvmQuotaCoordinator.unshared(TimeSource.SYSTEM);
    QuotaKey key = QuotaKey.of(TestClients.uniqueAccessId());
    Quotas quotas = Quotas.of(100, Duration.ofSeconds(1), 2);
    QuotaPermit first = coordinator.acquire(key, quotas, Duration.ofSeconds(5));
    coordinator.acquire(key, quotas, Duration.ofSeconds(5));
    assertThatThrownBy(() -> coordinator.acquire(key, quotas, Duration.ofMillis(50)))
        .isInstanceOf(SumoTimeoutException.class)
        .hasMessageContaining("in-flight");
    first.close();
    first.close();
    coordinator.acquire(key, quotas, Duration.ofMillis(50));
    assertThatThrownBy(() -> coordinator.acquire(key, quotas, Duration.ZERO))
        .as("closing twice gives back one permit")
        .isInstanceOf(SumoTimeoutException.class);
  }

  @Test
  void theRateIsSharedPerGroupAndTheInFlightCapPerAccessId() throws InterruptedException {
    FakeTime time = FakeTime.frozen();
    QuotaCoordinator coordinator = InJvmQuotaCoordinator.unshared(time);
    Quotas quotas = Quotas.of(2, Duration.ofSeconds(10), 1);
    QuotaKey first = new QuotaKey("ops@example.com", "suFirstKey");
    QuotaKey second = new QuotaKey("ops@example.com", "suSecondKey");
    QuotaPermit held = coordinator.acquire(first, quotas, Duration.ZERO);
    assertThatThrownBy(() -> coordinator.acquire(first, quotas, Duration.ZERO))
        .isInstanceOf(SumoTimeoutException.class)
        .hasMessageContaining("in-flight");
    coordinator.acquire(second, quotas, Duration.ZERO).close();
    held.close();
    assertThatThrownBy(() -> coordinator.acquire(second, quotas, Duration.ofSeconds(1)))
        .as("the group's two requests in ten seconds are used up")
        .isInstanceOf(SumoTimeoutException.class)
        .hasMessageContaining("rate");
    coordinator.acquire(new QuotaKey("other-group", "suSecondKey"), quotas, Duration.ZERO).close();
  }

  @Test
  void callersAreServedInArrivalOrder() throws Exception {
    // Ten threads compete for 4 requests per 250 ms; each takes a permit, "sends", answers at
    // once and queues again. Served in arrival order, every thread gets its turn every
    // 10 / 4 windows (625 ms), so the counts differ by at most one or two and no wait is much
    // longer than a turn. Counting starts after 500 ms: until every thread has started, the first
    // ones rightly take the free slots nobody else is waiting for.
    QuotaCoordinator coordinator = InJvmQuotaCoordinator.unshared(TimeSource.SYSTEM);
    QuotaKey key = QuotaKey.of(TestClients.uniqueAccessId());
    Quotas quotas = Quotas.of(4, Duration.ofMillis(250), 10);
    int threads = 10;
    long counted = System.nanoTime() + Duration.ofMillis(500).toNanos();
    long end = counted + Duration.ofSeconds(5).toNanos();
    AtomicInteger[] counts = new AtomicInteger[threads];
    List<Duration> waits = new CopyOnWriteArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      AtomicInteger count = counts[t] = new AtomicInteger();
      futures.add(
          pool.submit(
              () -> {
                go.await();
                while (System.nanoTime() < end) {
                  try (QuotaPermit permit = coordinator.acquire(key, quotas, MINUTE)) {
                    permit.sent();
                    long at = System.nanoTime();
                    if (at - counted > 0 && end - at > 0) {
                      waits.add(permit.waited());
                      count.incrementAndGet();
                    }
                  }
                }
                return null;
              }));
    }
    go.countDown();
    for (Future<?> future : futures) {
      future.get(30, TimeUnit.SECONDS);
    }
    pool.shutdown();
    IntSummaryStatistics perThread =
        java.util.Arrays.stream(counts).mapToInt(AtomicInteger::get).summaryStatistics();
    assertThat(perThread.getSum()).as("about 4 per 250 ms for 5 s").isBetween(70L, 90L);
    assertThat(perThread.getMax() - perThread.getMin())
        .as("per-thread counts %s", java.util.Arrays.toString(counts))
        .isLessThanOrEqualTo(2);
    // A full turn is 10 / 4 windows = 625 ms; allow twice that for a busy machine.
    assertThat(waits.stream().max(Duration::compareTo).orElseThrow())
        .isLessThan(Duration.ofMillis(1250));
  }

  @Test
  void theStateOfIdleGroupsIsForgottenButNotOfBusyOnes() throws InterruptedException {
    FakeTime time = FakeTime.frozen();
    InJvmQuotaCoordinator coordinator = InJvmQuotaCoordinator.unshared(time);
    Quotas quotas = Quotas.sumoDefaults();
    Quotas oneAtATime = Quotas.of(4, Duration.ofSeconds(1), 1);
    QuotaKey busy = QuotaKey.of("suStillBusy");
    QuotaPermit held = coordinator.acquire(busy, oneAtATime, MINUTE);
    held.sent();
    for (int i = 0; i < 500; i++) {
      QuotaKey shortLived = QuotaKey.of("suShortLived" + i);
      try (QuotaPermit permit = coordinator.acquire(shortLived, quotas, MINUTE)) {
        permit.sent();
      }
      time.sleep(Duration.ofMillis(10));
    }
    // 1,000 stages without forgetting; the groups of the last second and the busy one stay.
    assertThat(coordinator.stages()).isLessThan(250);
    assertThatThrownBy(() -> coordinator.acquire(busy, oneAtATime, Duration.ZERO))
        .as("the busy access id's permit is still counted")
        .isInstanceOf(SumoTimeoutException.class);
    held.close();
    coordinator.acquire(busy, oneAtATime, Duration.ZERO).close();
  }

  @Test
  void everyClientOfTheJvmSharesTheDefaultCoordinator() {
    assertThat(QuotaCoordinator.inJvm()).isSameAs(QuotaCoordinator.inJvm());
    FakeTime time = FakeTime.frozen();
    assertThat(InJvmQuotaCoordinator.on(time)).isSameAs(InJvmQuotaCoordinator.on(time));
    assertThat(InJvmQuotaCoordinator.on(TimeSource.SYSTEM)).isSameAs(QuotaCoordinator.inJvm());
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

  /** Answers {@code /users/slow*} after a delay and everything else at once; meters arrivals. */
  private static final class SlowAndFastDispatcher extends Dispatcher {
    final Duration slow;
    final AtomicInteger slowArrived = new AtomicInteger();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();

    SlowAndFastDispatcher(Duration slow) {
      this.slow = slow;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        if (request.getPath().contains("/users/slow")) {
          slowArrived.incrementAndGet();
          Thread.sleep(slow.toMillis());
        }
      } finally {
        inFlight.decrementAndGet();
      }
      return TestClients.json(200, TestClients.user("1"));
    }
  }

  private static SumoUsersClient.Builder sumoQuotas(MockWebServer server) {
    return SumoUsersClient.builder()
        .endpoint(server.url("/api").uri())
        .credentials(TestClients.uniqueAccessId(), TestClients.ACCESS_KEY)
        .quotas(Quotas.sumoDefaults())
        .retryPolicy(RetryPolicy.none());
  }

  @Test
  void fourSlowCallsInFlightDoNotStallAFastOne() throws Exception {
    SlowAndFastDispatcher dispatcher = new SlowAndFastDispatcher(Duration.ofSeconds(5));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(dispatcher);
      server.start(InetAddress.getByName("127.0.0.1"), 0);
      try (SumoUsersClient client = sumoQuotas(server).build()) {
        for (int i = 0; i < 4; i++) {
          client.getUser("1"); // quick exchanges: the limiter learns the round trip
        }
        Thread.sleep(1100);
        long slowStart = System.nanoTime();
        List<Future<?>> slow = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          slow.add(pool.submit(() -> client.getUser("slow")));
        }
        while (dispatcher.slowArrived.get() < 4) {
          Thread.sleep(10);
        }
        // A margin (~250 ms) and a window after the slow calls were written, their slots are free.
        Thread.sleep(Math.max(0, 1500 - (System.nanoTime() - slowStart) / 1_000_000));
        long start = System.nanoTime();
        client.getUser("1");
        Duration fast = Duration.ofNanos(System.nanoTime() - start);
        assertThat(slow).as("the slow calls are still in flight").noneMatch(Future::isDone);
        // The earlier limiter held a rate slot per call until its response: this waited ~4 s.
        assertThat(fast).isLessThan(Duration.ofMillis(800));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void tenRequestsInFlightAreReachable() throws Exception {
    SlowAndFastDispatcher dispatcher = new SlowAndFastDispatcher(Duration.ofSeconds(2));
    ExecutorService pool = Executors.newFixedThreadPool(12);
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(dispatcher);
      server.start(InetAddress.getByName("127.0.0.1"), 0);
      try (SumoUsersClient client =
          sumoQuotas(server).quotas(Quotas.of(4, Duration.ofMillis(200), 10)).build()) {
        client.getUser("1");
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
          calls.add(pool.submit(() -> client.getUser("slow")));
        }
        for (Future<?> call : calls) {
          call.get(30, TimeUnit.SECONDS);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    // The earlier limiter kept at most 4 (the rate) in flight.
    assertThat(dispatcher.maxInFlight.get()).isEqualTo(10);
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
