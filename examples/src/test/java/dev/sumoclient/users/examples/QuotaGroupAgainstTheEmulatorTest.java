package dev.sumoclient.users.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.emulator.AccessKey;
import dev.sumoclient.users.emulator.SumoEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two services use two access keys of one Sumo user: with a shared quota group the emulator, which
 * counts 4 requests per second per user as Sumo does, never has to refuse a request.
 */
class QuotaGroupAgainstTheEmulatorTest {
  private static final String OWNER = "00000000000000B7";

  @Test
  void twoKeysOfOneUserInOneQuotaGroupNeverDrawA429UnderConcurrentLoad() throws Exception {
    try (SumoEmulator emulator =
        SumoEmulator.builder()
            .accessKey("suOpsSync", "sync-key", OWNER)
            .accessKey("suOpsCron", "cron-key", OWNER)
            .seedUsers(5)
            .limits(true)
            .threads(32)
            .start()) {
      // Sumo answers in tens to hundreds of milliseconds; the emulator counts a request when it
      // arrives and then takes this long to answer.
      emulator.faults().latency(Duration.ofMillis(200));
      String id = emulator.users().get(0).id();
      int calls = 20;
      AtomicInteger left = new AtomicInteger(calls);
      ExecutorService pool = Executors.newFixedThreadPool(14);
      try (SumoUsersClient sync = client(emulator, emulator.accessKeys().get(0));
          SumoUsersClient cron = client(emulator, emulator.accessKeys().get(1))) {
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < 14; t++) {
          SumoUsersClient client = t < 10 ? sync : cron;
          workers.add(
              pool.submit(
                  () -> {
                    while (left.getAndDecrement() > 0) {
                      client.getUser(id);
                    }
                    return null;
                  }));
        }
        for (Future<?> worker : workers) {
          worker.get(60, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(emulator.journal().requests()).hasSize(calls);
      assertThat(emulator.limits().throttled()).as("quota 429s at the emulator").isZero();
      assertThat(emulator.limits().highestInFlight())
          .containsOnlyKeys("suOpsSync", "suOpsCron")
          .allSatisfy((key, highest) -> assertThat(highest).isBetween(1, 10));
    }
  }

  private static SumoUsersClient client(SumoEmulator emulator, AccessKey key) {
    return SumoUsersClient.builder()
        .endpoint(emulator.baseUri())
        .credentials(key.id(), key.key())
        .quotaGroup("ops-automation@example.com")
        .build();
  }
}
