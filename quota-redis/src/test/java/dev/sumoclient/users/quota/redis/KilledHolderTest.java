package dev.sumoclient.users.quota.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumoclient.users.QuotaKey;
import dev.sumoclient.users.QuotaPermit;
import dev.sumoclient.users.Quotas;
import dev.sumoclient.users.SumoTimeoutException;
import dev.sumoclient.users.testing.redis.RedisServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A JVM killed with {@code kill -9} while holding in-flight permits gives them back within one
 * lease time, while a live holder keeps its permits past the lease time by renewing them.
 */
class KilledHolderTest {
  private static final int PERMITS = 4;
  private static final long LEASE_MILLIS = 2_000;

  @BeforeAll
  static void requireRedis() {
    RedisServer.assumeInstalled();
  }

  @Test
  void permitsOfAJvmKilledWithSigkillComeBackWithinTheLeaseTime() throws Exception {
    try (RedisServer redis = RedisServer.start();
        RedisQuotas coordinator = RedisQuotas.connect(redis.uri())) {
      QuotaKey key = new QuotaKey("kill-9@example.com", "suKILLED");
      Quotas quotas = Quotas.of(100, Duration.ofSeconds(1), PERMITS);
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(PermitHolder.class.getName());
      command.add(redis.uri().toString());
      command.add(key.group());
      command.add(key.accessId());
      command.add(Integer.toString(PERMITS));
      command.add(Long.toString(LEASE_MILLIS));
      Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
      try {
        BufferedReader out =
            new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith(PermitHolder.HOLDING)) {
          // the child's start-up output
        }
        assertThat(line).as("the child's answer").isEqualTo(PermitHolder.HOLDING + " " + PERMITS);

        assertThatThrownBy(() -> coordinator.acquire(key, quotas, Duration.ZERO))
            .as("all permits are held by the child")
            .isInstanceOf(SumoTimeoutException.class);
        // Past one lease time the live child still holds them: it renews its leases.
        Thread.sleep(LEASE_MILLIS + 500);
        assertThatThrownBy(() -> coordinator.acquire(key, quotas, Duration.ZERO))
            .as("a live holder keeps its permits past the lease time")
            .isInstanceOf(SumoTimeoutException.class);

        Process kill = new ProcessBuilder("kill", "-9", Long.toString(child.pid())).start();
        assertThat(kill.waitFor()).isZero();
        long killed = System.nanoTime();
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();

        List<QuotaPermit> back = new ArrayList<>();
        for (int i = 0; i < PERMITS; i++) {
          back.add(coordinator.acquire(key, quotas, Duration.ofMillis(LEASE_MILLIS + 1_000)));
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed);
        System.out.printf(
            "kill -9: %d permits came back %d ms after the kill (lease %d ms)%n",
            PERMITS, millis, LEASE_MILLIS);
        assertThat(millis).isLessThanOrEqualTo(LEASE_MILLIS + 100);
        back.forEach(QuotaPermit::close);
      } finally {
        child.destroyForcibly();
      }
    }
  }
}
