package dev.sumoclient.users.benchmarks.internal;

import dev.sumoclient.users.ClientListener;
import dev.sumoclient.users.Quotas;
import dev.sumoclient.users.SumoThrottledException;
import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.generated.model.UpdateUserDefinition;
import dev.sumoclient.users.generated.model.UserModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Benchmark 4: 100 {@code updateUser} calls from 8 threads against an emulator enforcing Sumo's
 * quotas (4 requests/s, 10 in flight), with the client's limiter on, then off.
 *
 * <p>With it on, the server should never have to say 429 and the run should take about the ideal
 * 100 / 4 = 25 s. With it off, the 429s, the retries they cost and the calls that still fail are
 * counted through the client's listener SPI.
 */
final class QuotaHarness {
  static final int CALLS = 100;
  static final int THREADS = 8;
  static final double IDEAL_SECONDS = CALLS / 4.0;
  static final int GUARD_MILLIS = 100;

  private QuotaHarness() {}

  /** Runs both halves and prints their figures; returns false when a target is missed. */
  static boolean run() throws Exception {
    Machine.printHeader(
        "Benchmark 4: " + CALLS + " updateUser calls, " + THREADS + " threads, quotas enforced");
    try (EmulatorProcess emulator = EmulatorProcess.start(CALLS, true);
        RawOkHttpClient raw = new RawOkHttpClient(emulator.baseUri().toString())) {
      List<UserModel> users = raw.listPage(CALLS, null).getData();
      if (users.size() != CALLS) {
        throw new IllegalStateException("expected " + CALLS + " seeded users, got " + users.size());
      }
      quietSecond();
      Outcome on = runOnce(Clients.builder(emulator.baseUri()), users, "limiter ON");
      quietSecond();
      // The client stamps a request when it leaves, the server when it arrives; on a loaded machine
      // the gap varies by tens of milliseconds, so a window of exactly 1 s lets the server see a
      // fifth request inside its own second. A guard band on the window absorbs that jitter.
      Outcome padded =
          runOnce(
              Clients.builder(emulator.baseUri())
                  .quotas(Quotas.of(4, Duration.ofMillis(1000 + GUARD_MILLIS), 10)),
              users,
              "limiter ON, window 1 s + " + GUARD_MILLIS + " ms");
      quietSecond();
      Outcome off =
          runOnce(Clients.builder(emulator.baseUri()).rateLimiting(false), users, "limiter OFF");
      boolean onMet = on.throttledAtCaller == 0 && on.wallSeconds <= 1.10 * IDEAL_SECONDS;
      System.out.println(
          Stats.verdict(
                  "limiter ON with a " + GUARD_MILLIS + " ms guard: wall / ideal",
                  padded.wallSeconds / IDEAL_SECONDS,
                  1.10)
              + ", server 429s "
              + padded.server429.get()
              + ", 429s at the caller "
              + padded.throttledAtCaller);
      System.out.println(
          Stats.verdict(
              "limiter ON: wall / ideal " + IDEAL_SECONDS + " s",
              on.wallSeconds / IDEAL_SECONDS,
              1.10));
      System.out.println(
          "limiter ON: 429s reaching the caller = "
              + on.throttledAtCaller
              + " (target 0): "
              + (on.throttledAtCaller == 0 ? "MET" : "MISSED"));
      System.out.printf(
          "limiter OFF: %d server 429s, %d retries, %d calls failed with 429, %d succeeded, wall"
              + " %.2f s%n",
          off.server429.get(),
          off.retries.get(),
          off.throttledAtCaller,
          off.succeeded,
          off.wallSeconds);
      System.out.printf(
          "client, limiter ON (defaults): %d calls failed at the caller, %d server 429s, wall %.2f"
              + " s (target: 0 and 0): %s%n",
          on.throttledAtCaller + on.failures.values().stream().mapToInt(Integer::intValue).sum(),
          on.server429.get(),
          on.wallSeconds,
          on.throttledAtCaller == 0 && on.failures.isEmpty() && on.server429.get() == 0
              ? "MET"
              : "MISSED");
      boolean zeroFor429s = on.failures.isEmpty() && on.server429.get() == 0;
      for (Peer peer : Peers.open(emulator.baseUri())) {
        quietSecond();
        try (peer) {
          runPeer(peer, users);
        }
      }
      return onMet && zeroFor429s;
    }
  }

  /** The emulator's window is one second long: let it empty so runs do not disturb each other. */
  private static void quietSecond() throws InterruptedException {
    Thread.sleep(1500);
  }

  private static Outcome runOnce(
      SumoUsersClient.Builder builder, List<UserModel> users, String label) throws Exception {
    Outcome outcome = new Outcome();
    ClientListener counting =
        new ClientListener() {
          @Override
          public void onRequest(RequestEvent event) {
            outcome.requests.incrementAndGet();
            if (event.status() == 429) {
              outcome.server429.incrementAndGet();
            }
          }

          @Override
          public void onRetry(RetryEvent event) {
            outcome.retries.incrementAndGet();
          }

          @Override
          public void onThrottled(ThrottleEvent event) {
            if (event.source() == Source.CLIENT_QUOTA) {
              outcome.clientWaits.incrementAndGet();
            }
          }
        };
    try (SumoUsersClient client = builder.listener(counting).build()) {
      outcome.wallSeconds =
          updateAll(
              users,
              user -> {
                UpdateUserDefinition update =
                    new UpdateUserDefinition()
                        .firstName(user.getFirstName())
                        .lastName(user.getLastName())
                        .isActive(Boolean.TRUE)
                        .roleIds(new ArrayList<>(user.getRoleIds()));
                try {
                  client.updateUser(user.getId(), update);
                  outcome.succeededCount.incrementAndGet();
                } catch (SumoThrottledException e) {
                  outcome.throttled.incrementAndGet();
                } catch (RuntimeException e) {
                  outcome.failures.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                }
              });
    }
    outcome.throttledAtCaller = outcome.throttled.get();
    outcome.succeeded = outcome.succeededCount.get();
    System.out.printf(
        "%-34s: wall %.2f s, %d succeeded, %d failed with 429 at the caller, other failures %s;"
            + " %d HTTP exchanges, %d server 429s, %d retries, %d client-side quota waits%n",
        label,
        outcome.wallSeconds,
        outcome.succeeded,
        outcome.throttledAtCaller,
        new TreeMap<>(outcome.failures),
        outcome.requests.get(),
        outcome.server429.get(),
        outcome.retries.get(),
        outcome.clientWaits.get());
    return outcome;
  }

  /**
   * The same 100 calls from 8 threads through a generated peer, as it comes: no limiter, no retry
   * (neither generated library has one), each call made once.
   */
  private static void runPeer(Peer peer, List<UserModel> users) throws Exception {
    AtomicInteger succeeded = new AtomicInteger();
    Map<String, Integer> failures = new ConcurrentHashMap<>();
    double wall =
        updateAll(
            users,
            user -> {
              try {
                peer.updateUser(
                    user.getId(), user.getFirstName(), user.getLastName(), user.getRoleIds());
                succeeded.incrementAndGet();
              } catch (Exception e) {
                int status = peer.statusOf(e);
                String key = status > 0 ? "HTTP " + status : e.getClass().getSimpleName();
                failures.merge(key, 1, Integer::sum);
              }
            });
    int failed = failures.values().stream().mapToInt(Integer::intValue).sum();
    System.out.printf(
        "%-34s: wall %.2f s, %d succeeded, %d failed at the caller %s; %d server 429s (one"
            + " exchange per call: no retry)%n",
        peer.name() + " (generated, as it comes)",
        wall,
        succeeded.get(),
        failed,
        new TreeMap<>(failures),
        failures.getOrDefault("HTTP 429", 0));
  }

  /**
   * Hands every user to {@link #THREADS} threads, each taking the next one until none is left, and
   * returns the wall time in seconds.
   */
  private static double updateAll(List<UserModel> users, Consumer<UserModel> update)
      throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      long start = System.nanoTime();
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        workers.add(
            pool.submit(
                () -> {
                  int i;
                  while ((i = next.getAndIncrement()) < users.size()) {
                    update.accept(users.get(i));
                  }
                }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
      return (System.nanoTime() - start) / 1e9;
    } finally {
      pool.shutdownNow();
    }
  }

  private static final class Outcome {
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger server429 = new AtomicInteger();
    final AtomicInteger retries = new AtomicInteger();
    final AtomicInteger clientWaits = new AtomicInteger();
    final AtomicInteger succeededCount = new AtomicInteger();
    final AtomicInteger throttled = new AtomicInteger();
    final Map<String, Integer> failures = new ConcurrentHashMap<>();
    int throttledAtCaller;
    int succeeded;
    double wallSeconds;
  }
}
