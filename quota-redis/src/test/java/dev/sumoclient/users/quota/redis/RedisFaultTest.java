package dev.sumoclient.users.quota.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.sumoclient.users.QuotaKey;
import dev.sumoclient.users.QuotaPermit;
import dev.sumoclient.users.Quotas;
import dev.sumoclient.users.SumoClientException;
import dev.sumoclient.users.SumoTimeoutException;
import dev.sumoclient.users.testing.redis.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Redis unreachable at start, killed mid-run, restarted empty, or too slow: calls go on under the
 * fallback policy, with one warning, and come back to Redis by themselves.
 */
class RedisFaultTest {
  private static final String LOGGER = "dev.sumoclient.users.quota.redis";
  private static final Quotas QUOTAS = Quotas.of(4, Duration.ofSeconds(1), 10);

  /** Quotas never reached, so that only Redis's own delays show. */
  private static final Quotas ROOMY = Quotas.of(100, Duration.ofSeconds(1), 10);

  @BeforeAll
  static void requireRedis() {
    RedisServer.assumeInstalled();
  }

  private static QuotaKey key(String name) {
    return new QuotaKey("faults-" + name, "suFAULTS");
  }

  @Test
  void unreachableAtStartFallsBackWithOneWarningAndJoinsRedisWhenItAppears() throws Exception {
    int port = RedisServer.freePort();
    try (LogCapture logs = new LogCapture();
        RedisQuotas quotas =
            RedisQuotas.connect(java.net.URI.create("redis://127.0.0.1:" + port))) {
      assertThat(quotas.isShared()).isFalse();
      for (int i = 0; i < 2; i++) {
        long start = System.nanoTime();
        quotas.acquire(key("start"), QUOTAS, Duration.ofSeconds(5)).close();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(100);
      }
      assertThat(logs.messages(Level.WARN, LOGGER)).hasSize(1);
      assertThat(logs.messages(Level.WARN, LOGGER).get(0))
          .contains("redis://127.0.0.1:" + port)
          .contains("not shared");
      try (RedisServer redis = RedisServer.startOn(port)) {
        awaitTrue(quotas::isShared, 5_000);
        quotas.acquire(key("start"), QUOTAS, Duration.ofSeconds(5)).close();
        assertThat(keyCount(redis)).isPositive();
        assertThat(logs.messages(Level.INFO, LOGGER)).anyMatch(m -> m.contains("answers again"));
        assertThat(logs.messages(Level.WARN, LOGGER)).hasSize(1);
      }
    }
  }

  @Test
  void killedMidRunTheCallsGoOnAtTheFallbackShareAndReturnToARestartedEmptyRedis()
      throws Exception {
    try (RedisServer redis = RedisServer.start();
        LogCapture logs = new LogCapture();
        // A long command timeout: only Lettuce rejecting commands while disconnected (instead
        // of queueing them) keeps the calls after the kill fast.
        RedisQuotas quotas =
            RedisQuotas.builder(redis.uri())
                .fallbackShare(0.5)
                .commandTimeout(Duration.ofSeconds(5))
                .build()) {
      quotas.acquire(key("kill"), QUOTAS, Duration.ofSeconds(5)).close();
      assertThat(quotas.isShared()).isTrue();
      redis.kill();
      Thread.sleep(200); // Lettuce has seen the connection close and is reconnecting.
      // The first call after the kill finds out; none waits on Redis or fails because of it.
      for (int i = 0; i < 2; i++) {
        long start = System.nanoTime();
        QuotaPermit permit = quotas.acquire(key("kill"), QUOTAS, Duration.ofSeconds(5));
        permit.sent();
        permit.close();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(300);
      }
      assertThat(quotas.isShared()).isFalse();
      // Half of 4 per second: the third request within the second has to wait.
      assertThatThrownBy(() -> quotas.acquire(key("kill"), QUOTAS, Duration.ofMillis(50)))
          .isInstanceOf(SumoTimeoutException.class);
      assertThat(logs.messages(Level.WARN, LOGGER)).hasSize(1);

      redis.restart();
      awaitTrue(quotas::isShared, 5_000);
      // Empty: the script is gone from Redis's cache too, and is sent again.
      quotas.acquire(key("kill"), QUOTAS, Duration.ofSeconds(5)).close();
      assertThat(keyCount(redis)).isPositive();
      assertThat(logs.messages(Level.WARN, LOGGER)).hasSize(1);
      assertThat(logs.messages(Level.INFO, LOGGER)).anyMatch(m -> m.contains("answers again"));
    }
  }

  @Test
  void aStalledRedisNeverHoldsACallPastItsDeadline() throws Exception {
    try (RedisServer redis = RedisServer.start();
        LogCapture logs = new LogCapture();
        RedisQuotas quotas =
            RedisQuotas.builder(redis.uri()).commandTimeout(Duration.ofMillis(200)).build()) {
      quotas.acquire(key("slow"), ROOMY, Duration.ofSeconds(5)).close();
      redis.signal("STOP");
      try {
        // A short deadline: Redis gets that long, then the call goes on without it.
        long start = System.nanoTime();
        quotas.acquire(key("slow"), ROOMY, Duration.ofMillis(60)).close();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(50L, 160L);
        // A long deadline: the command timeout bounds the wait, and Redis is then left alone.
        start = System.nanoTime();
        quotas.acquire(key("slow"), ROOMY, Duration.ofSeconds(10)).close();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(180L, 400L);
        start = System.nanoTime();
        quotas.acquire(key("slow"), ROOMY, Duration.ofSeconds(10)).close();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(50L);
        assertThat(quotas.isShared()).isFalse();
      } finally {
        redis.signal("CONT");
      }
      awaitTrue(quotas::isShared, 5_000);
      assertThat(logs.messages(Level.WARN, LOGGER)).hasSize(1);
    }
  }

  @Test
  void failFastFailsTheCallNamingRedisButNotItsPassword() throws Exception {
    try (RedisServer redis = RedisServer.start("--requirepass", "fail-fast-secret");
        RedisQuotas quotas =
            RedisQuotas.builder(
                    java.net.URI.create("redis://:fail-fast-secret@127.0.0.1:" + redis.port()))
                .fallback(RedisQuotas.Fallback.FAIL_FAST)
                .build()) {
      quotas.acquire(key("failfast"), QUOTAS, Duration.ofSeconds(5)).close();
      redis.kill();
      long start = System.nanoTime();
      assertThatThrownBy(() -> quotas.acquire(key("failfast"), QUOTAS, Duration.ofSeconds(5)))
          .isInstanceOf(SumoClientException.class)
          .isNotInstanceOf(SumoTimeoutException.class)
          .hasMessageContaining("redis://127.0.0.1:" + redis.port())
          .hasMessageContaining("FAIL_FAST")
          .hasMessageNotContaining("fail-fast-secret");
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(300);
    }
  }

  private static long keyCount(RedisServer redis) {
    RedisClient client = RedisClient.create(redis.uri().toString());
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      return c.sync().keys("sumo-users:quota:*").size();
    } finally {
      client.shutdown();
    }
  }

  static void awaitTrue(BooleanSupplier condition, long millis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not true within " + millis + " ms");
      }
      Thread.sleep(20);
    }
  }
}
