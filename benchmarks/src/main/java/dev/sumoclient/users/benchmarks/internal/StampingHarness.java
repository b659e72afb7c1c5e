package dev.sumoclient.users.benchmarks.internal;

import dev.sumoclient.users.QuotaCoordinator;
import dev.sumoclient.users.QuotaKey;
import dev.sumoclient.users.QuotaPermit;
import dev.sumoclient.users.Quotas;
import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.emulator.SumoEmulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures what the in-JVM quota coordinator's stamping rule rests on: how long after the client
 * has written a request the emulator counts it, against the margin the coordinator learned.
 *
 * <p>The emulator runs in this JVM with Sumo's quotas on, so both sides read {@link
 * System#nanoTime()}: the emulator's clock records when its rate window counts each request, a
 * wrapping {@link QuotaCoordinator} when each request was written and how long each exchange took.
 * The k-th written request is matched with the k-th counted one (exact unless two requests leave
 * within the delay of each other). Each scenario also reports the server's 429s, the highest number
 * of requests it saw in flight and the closest five consecutive arrivals came to one second.
 */
final class StampingHarness {
  private StampingHarness() {}

  /** Runs the scenarios and prints their figures; returns false when the server said 429. */
  static boolean run() throws Exception {
    Machine.printHeader("Quota stamping: from written (client) to counted (emulator)");
    boolean met = scenario("no added latency", Duration.ZERO, 10, 60);
    met &= scenario("40 ms added latency", Duration.ofMillis(40), 10, 60);
    met &= scenario("5 s added latency (slow calls)", Duration.ofSeconds(5), 12, 40);
    return met;
  }

  private static boolean scenario(String name, Duration latency, int threads, int calls)
      throws Exception {
    ProbeClock clock = new ProbeClock();
    RecordingCoordinator coordinator = new RecordingCoordinator(QuotaCoordinator.inJvm());
    String accessId = "suStamping" + System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (SumoEmulator emulator =
            SumoEmulator.builder()
                .accessKey(accessId, "stamping-key")
                .seedUsers(10)
                .limits(true)
                .threads(threads + 8)
                .clock(clock)
                .start();
        SumoUsersClient client =
            SumoUsersClient.builder()
                .endpoint(emulator.baseUri())
                .credentials(accessId, "stamping-key")
                .quotaCoordinator(coordinator)
                .quotas(Quotas.sumoDefaults())
                .build()) {
      String id = emulator.users().get(0).id();
      emulator.faults().latency(latency);
      AtomicInteger left = new AtomicInteger(calls);
      long start = System.nanoTime();
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
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
        worker.get();
      }
      double wall = (System.nanoTime() - start) / 1e9;
      List<Long> sent = new ArrayList<>(coordinator.sent);
      List<Long> counted = new ArrayList<>(clock.counted);
      Collections.sort(sent);
      Collections.sort(counted);
      List<Long> delays = new ArrayList<>();
      for (int i = 0; i < Math.min(sent.size(), counted.size()); i++) {
        delays.add(counted.get(i) - sent.get(i));
      }
      Collections.sort(delays);
      long closest = Long.MAX_VALUE;
      for (int i = 0; i + 4 < counted.size(); i++) {
        closest = Math.min(closest, counted.get(i + 4) - counted.get(i));
      }
      long shortestExchange = Collections.min(coordinator.exchanges);
      System.out.printf(
          "%s: %d calls, %d threads, %.1f s (ideal %.1f s); server 429s %d; highest in flight %s%n",
          name,
          calls,
          threads,
          wall,
          calls / 4.0,
          emulator.limits().throttled(),
          emulator.limits().highestInFlight().get(accessId));
      System.out.printf(
          "  written -> counted (%d matched): p50 %.2f ms, p99 %.2f ms, max %.2f ms;"
              + " margin min(1000, 250 + 2 x shortest exchange %.2f ms) = %.2f ms;"
              + " closest 5 arrivals %.1f ms apart (must be >= 1000)%n",
          delays.size(),
          millis(percentile(delays, 0.50)),
          millis(percentile(delays, 0.99)),
          millis(delays.get(delays.size() - 1)),
          millis(shortestExchange),
          Math.min(1000, 250 + 2 * millis(shortestExchange)),
          millis(closest));
      return emulator.limits().throttled() == 0;
    } finally {
      pool.shutdownNow();
    }
  }

  private static long percentile(List<Long> sorted, double p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }

  /** The emulator's clock: its rate window reads {@link #millis()} once per counted request. */
  private static final class ProbeClock extends Clock {
    final List<Long> counted = new CopyOnWriteArrayList<>();

    @Override
    public long millis() {
      counted.add(System.nanoTime());
      return System.currentTimeMillis();
    }

    @Override
    public Instant instant() {
      return Instant.now();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  /** Passes everything to the coordinator under test, noting when requests were written. */
  private static final class RecordingCoordinator implements QuotaCoordinator {
    final QuotaCoordinator delegate;
    final List<Long> sent = new CopyOnWriteArrayList<>();
    final List<Long> exchanges = new CopyOnWriteArrayList<>();

    RecordingCoordinator(QuotaCoordinator delegate) {
      this.delegate = delegate;
    }

    @Override
    public QuotaPermit acquire(QuotaKey key, Quotas quotas, Duration maxWait)
        throws InterruptedException {
      QuotaPermit permit = delegate.acquire(key, quotas, maxWait);
      return new QuotaPermit() {
        private long sentAt;

        @Override
        public Duration waited() {
          return permit.waited();
        }

        @Override
        public void sent() {
          sentAt = System.nanoTime();
          sent.add(sentAt);
          permit.sent();
        }

        @Override
        public void close() {
          if (sentAt != 0) {
            exchanges.add(System.nanoTime() - sentAt);
          }
          permit.close();
        }
      };
    }
  }
}
