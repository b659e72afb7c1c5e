package dev.sumoclient.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumoclient.users.emulator.EmulatedUser;
import dev.sumoclient.users.emulator.SumoEmulator;
import dev.sumoclient.users.generated.model.UserModel;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Many calls on virtual threads against the emulator, the way a JDK 21+ service makes them.
 *
 * <p>Compiled for Java 17, so virtual threads are reached through reflection. On a JDK without them
 * the test is skipped, unless {@code -Dsumo.requireVirtualThreads=true} is set: then the skip
 * becomes a failure, so the JDK 25 run of {@code .ci/run} cannot pass without running it.
 */
class VirtualThreadsTest {
  private static final int CALLS = 200;

  private static ExecutorService virtualThreads() throws Exception {
    Method factory;
    try {
      factory = java.util.concurrent.Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
    } catch (NoSuchMethodException e) {
      if (Boolean.getBoolean("sumo.requireVirtualThreads")) {
        throw new AssertionError(
            "sumo.requireVirtualThreads is set but Java "
                + Runtime.version()
                + " has no virtual threads",
            e);
      }
      Assumptions.abort("virtual threads need Java 21+, this is " + Runtime.version());
      throw new AssertionError("unreachable");
    }
    return (ExecutorService) factory.invoke(null);
  }

  private static boolean isVirtual(Thread thread) throws Exception {
    return (Boolean) Thread.class.getMethod("isVirtual").invoke(thread);
  }

  @Test
  void twoHundredConcurrentCallsOnVirtualThreadsAllSucceedWithinTheQuota() throws Exception {
    ExecutorService executor = virtualThreads();
    AtomicInteger onVirtualThreads = new AtomicInteger();
    // The emulator enforces quotas a little above the client's (80 starts a second, 8 in flight),
    // so a client that let more through than it should would see 429s, which the journal shows.
    try (SumoEmulator emulator =
            SumoEmulator.builder()
                .seedUsers(20)
                .limits(true)
                .requestsPerSecond(100)
                .maxInFlight(10)
                .start();
        SumoUsersClient client =
            SumoUsersClient.builder()
                .endpoint(emulator.baseUri())
                .credentials(SumoEmulator.DEFAULT_ACCESS_ID, SumoEmulator.DEFAULT_ACCESS_KEY)
                .quotas(Quotas.of(40, Duration.ofMillis(500), 8))
                .retryPolicy(RetryPolicy.none())
                .callTimeout(Duration.ofSeconds(60))
                .build()) {
      List<EmulatedUser> users = emulator.users();
      List<Future<UserModel>> calls = new ArrayList<>();
      for (int i = 0; i < CALLS; i++) {
        String id = users.get(i % users.size()).id();
        calls.add(
            executor.submit(
                () -> {
                  if (isVirtual(Thread.currentThread())) {
                    onVirtualThreads.incrementAndGet();
                  }
                  return client.getUser(id);
                }));
      }
      for (int i = 0; i < CALLS; i++) {
        assertThat(calls.get(i).get(90, TimeUnit.SECONDS).getId())
            .isEqualTo(users.get(i % users.size()).id());
      }
      assertThat(onVirtualThreads.get()).isEqualTo(CALLS);
      assertThat(emulator.journal().requests())
          .filteredOn(r -> r.status() == 429)
          .as("requests the emulator throttled")
          .isEmpty();
    } finally {
      executor.shutdownNow();
    }
  }
}
