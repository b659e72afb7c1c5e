package dev.sumoclient.users.quota.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumoclient.users.QuotaKey;
import dev.sumoclient.users.QuotaPermit;
import dev.sumoclient.users.Quotas;
import dev.sumoclient.users.SumoConfigurationException;
import dev.sumoclient.users.SumoTimeoutException;
import dev.sumoclient.users.testing.redis.RedisServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The coordinator on a real Redis: what several JVMs (here, several coordinators) share. */
class RedisQuotasTest {
  private static RedisServer redis;
  private static final AtomicInteger GROUPS = new AtomicInteger();

  @BeforeAll
  static void startRedis() {
    RedisServer.assumeInstalled();
    redis = RedisServer.start();
  }

  @AfterAll
  static void stopRedis() {
    if (redis != null) {
      redis.close();
    }
  }

  /** A fresh group per test, so that tests never share a budget. */
  private static String group() {
    return "group-" + GROUPS.incrementAndGet() + "@example.com";
  }

  @Test
  void onlyARealWaitShowsAsOneARoundTripToRedisDoesNot() throws Exception {
    QuotaKey key = new QuotaKey(group(), "suWAITS");
    Quotas onePerSecond = Quotas.of(1, Duration.ofSeconds(1), 10);
    try (RedisQuotas coordinator = RedisQuotas.connect(redis.uri())) {
      try (QuotaPermit first = coordinator.acquire(key, onePerSecond, Duration.ofSeconds(10))) {
        first.sent();
        assertThat(first.waited()).as("granted at once").isZero();
      }
      try (QuotaPermit second = coordinator.acquire(key, onePerSecond, Duration.ofSeconds(10))) {
        second.sent();
        assertThat(second.waited())
            .as("waited for the window")
            .isGreaterThan(Duration.ofMillis(500));
      }
    }
  }

  @Test
  void coordinatorsOfSeveralJvmsKeepToOneRateBudgetPerGroup() throws Exception {
    String group = group();
    Quotas quotas = Quotas.of(4, Duration.ofMillis(500), 10);
    List<Long> grants = Collections.synchronizedList(new ArrayList<>());
    try (RedisQuotas first = RedisQuotas.connect(redis.uri());
        RedisQuotas second = RedisQuotas.connect(redis.uri())) {
      assertThat(first.isShared()).isTrue();
      ExecutorService pool = Executors.newFixedThreadPool(6);
      try {
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
          // Two access keys of one owner, through two coordinators: one budget.
          RedisQuotas coordinator = i % 2 == 0 ? first : second;
          QuotaKey key = new QuotaKey(group, i % 3 == 0 ? "suFIRST" : "suSECOND");
          calls.add(
              pool.submit(
                  () -> {
                    try (QuotaPermit permit =
                        coordinator.acquire(key, quotas, Duration.ofSeconds(10))) {
                      grants.add(System.nanoTime());
                      permit.sent();
                    }
                    return null;
                  }));
        }
        for (Future<?> call : calls) {
          call.get();
        }
      } finally {
        pool.shutdownNow();
      }
    }
    List<Long> sorted = new ArrayList<>(grants);
    Collections.sort(sorted);
    assertThat(sorted).hasSize(18);
    for (int i = 4; i < sorted.size(); i++) {
      assertThat(TimeUnit.NANOSECONDS.toMillis(sorted.get(i) - sorted.get(i - 4)))
          .as("five grants within one 500 ms window, at %d", i)
          .isGreaterThanOrEqualTo(495);
    }
    // 18 grants at 4 per 550 ms (window + guard): four windows of waiting, and not much more.
    long wallMillis = TimeUnit.NANOSECONDS.toMillis(sorted.get(17) - sorted.get(0));
    assertThat(wallMillis).isBetween(4 * 500L, 4 * 550L + 400);
  }

  @Test
  void capsInFlightPerAccessIdNotPerGroup() throws Exception {
    String group = group();
    Quotas quotas = Quotas.of(100, Duration.ofSeconds(1), 2);
    QuotaKey first = new QuotaKey(group, "suFIRST");
    QuotaKey second = new QuotaKey(group, "suSECOND");
    try (RedisQuotas jvm1 = RedisQuotas.connect(redis.uri());
        RedisQuotas jvm2 = RedisQuotas.connect(redis.uri())) {
      QuotaPermit a = jvm1.acquire(first, quotas, Duration.ZERO);
      QuotaPermit b = jvm2.acquire(first, quotas, Duration.ZERO);
      long start = System.nanoTime();
      assertThatThrownBy(() -> jvm1.acquire(first, quotas, Duration.ofMillis(150)))
          .isInstanceOf(SumoTimeoutException.class)
          .hasMessageContaining("in-flight");
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(140L, 600L);
      // The other access key of the group has its own cap.
      jvm1.acquire(second, quotas, Duration.ZERO).close();
      // A permit given back in another JVM frees a place for a waiter here.
      ExecutorService pool = Executors.newSingleThreadExecutor();
      try {
        Future<QuotaPermit> waiting =
            pool.submit(() -> jvm1.acquire(first, quotas, Duration.ofSeconds(5)));
        Thread.sleep(100);
        assertThat(waiting).isNotDone();
        long released = System.nanoTime();
        b.close();
        waiting.get(2, TimeUnit.SECONDS).close();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - released)).isLessThan(300);
      } finally {
        pool.shutdownNow();
      }
      a.close();
    }
  }

  @Test
  void aWaitTooLongForNanosecondsIsAnEndlessWaitNotAnArithmeticFailure() throws Exception {
    QuotaKey key = new QuotaKey(group(), "suFIRST");
    try (RedisQuotas coordinator = RedisQuotas.connect(redis.uri())) {
      assertThat(coordinator.isShared()).isTrue();
      coordinator.acquire(key, Quotas.sumoDefaults(), Duration.ofSeconds(Long.MAX_VALUE)).close();
    }
  }

  @Test
  void aRateWaitThatWouldOutlastTheDeadlineFailsAtOnce() throws Exception {
    String group = group();
    Quotas quotas = Quotas.of(2, Duration.ofSeconds(2), 10);
    QuotaKey key = new QuotaKey(group, "suFIRST");
    try (RedisQuotas coordinator = RedisQuotas.connect(redis.uri())) {
      coordinator.acquire(key, quotas, Duration.ZERO).close();
      coordinator.acquire(key, quotas, Duration.ZERO).close();
      long start = System.nanoTime();
      assertThatThrownBy(() -> coordinator.acquire(key, quotas, Duration.ofMillis(500)))
          .isInstanceOf(SumoTimeoutException.class)
          .hasMessageContaining("rate budget");
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(200);
    }
  }

  @Test
  void waitersOfOneJvmAreServedInArrivalOrder() throws Exception {
    String group = group();
    Quotas quotas = Quotas.of(1, Duration.ofMillis(250), 10);
    QuotaKey key = new QuotaKey(group, "suFIRST");
    List<Integer> order = Collections.synchronizedList(new ArrayList<>());
    try (RedisQuotas coordinator = RedisQuotas.connect(redis.uri())) {
      // One per window: grants are 300 ms apart, so the order they are recorded in is theirs.
      coordinator.acquire(key, quotas, Duration.ZERO).close();
      ExecutorService pool = Executors.newFixedThreadPool(6);
      try {
        List<Future<?>> waiters = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
          int arrival = i;
          waiters.add(
              pool.submit(
                  () -> {
                    coordinator.acquire(key, quotas, Duration.ofSeconds(10)).close();
                    order.add(arrival);
                    return null;
                  }));
          Thread.sleep(20);
        }
        for (Future<?> waiter : waiters) {
          waiter.get();
        }
      } finally {
        pool.shutdownNow();
      }
    }
    assertThat(order).containsExactly(0, 1, 2, 3, 4, 5);
  }

  @Test
  void aHeldPermitIsRenewedPastItsLeaseAndAClosedOneIsGivenBack() throws Exception {
    String group = group();
    Quotas quotas = Quotas.of(100, Duration.ofSeconds(1), 1);
    QuotaKey key = new QuotaKey(group, "suFIRST");
    try (RedisQuotas holder =
            RedisQuotas.builder(redis.uri()).leaseTime(Duration.ofMillis(600)).build();
        RedisQuotas other = RedisQuotas.connect(redis.uri())) {
      QuotaPermit held = holder.acquire(key, quotas, Duration.ZERO);
      Thread.sleep(1_500);
      assertThatThrownBy(() -> other.acquire(key, quotas, Duration.ZERO))
          .isInstanceOf(SumoTimeoutException.class);
      held.close();
      other.acquire(key, quotas, Duration.ofMillis(500)).close();
    }
  }

  @Test
  void rejectsUrisThatAreNotRedisWithoutQuotingThem() {
    assertThatThrownBy(() -> RedisQuotas.connect(URI.create("http://user:hunter2@cache:6379")))
        .isInstanceOf(SumoConfigurationException.class)
        .hasMessageContaining("redis://")
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> RedisQuotas.builder(redis.uri()).fallbackShare(0))
        .isInstanceOf(SumoConfigurationException.class)
        .hasMessageContaining("fallbackShare");
    assertThatThrownBy(() -> RedisQuotas.builder(redis.uri()).leaseTime(Duration.ofMillis(10)))
        .isInstanceOf(SumoConfigurationException.class)
        .hasMessageContaining("leaseTime");
  }
}
