package dev.sumoclient.users.benchmarks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sumoclient.users.QuotaCoordinator;
import dev.sumoclient.users.QuotaKey;
import dev.sumoclient.users.QuotaPermit;
import dev.sumoclient.users.Quotas;
import dev.sumoclient.users.generated.model.UserModel;
import dev.sumoclient.users.quota.redis.RedisQuotas;
import dev.sumoclient.users.testing.redis.RedisServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Benchmark 7: many JVMs, one Sumo user. An emulator enforcing Sumo's quotas per owner, one Redis,
 * and 4 client JVMs of 8 threads sharing 200 {@code updateUser} calls under one quota group, two
 * JVMs on each of two access keys of the same owner; run with the in-JVM limiter only, with the
 * Redis coordinator, and with Redis killed halfway (fallback). Then the Redis coordinator's own
 * cost per call with quotas effectively off.
 */
final class SharedQuotaHarness {
  static final int JVMS = 4;
  static final int THREADS = 8;
  static final int CALLS = Integer.getInteger("bench.sharedCalls", 200);
  static final double IDEAL_SECONDS = CALLS / 4.0;
  static final String OWNER = "00000000000051A7";
  static final String GROUP = "ops-automation@example.com";
  static final String[][] KEYS = {
    {"suSharedKeyA", "shared-key-a-secret"}, {"suSharedKeyB", "shared-key-b-secret"}
  };

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** The cost measurement's longest wait for a permit, built once, not per measured call. */
  private static final Duration MAX_WAIT = Duration.ofSeconds(5);

  private SharedQuotaHarness() {}

  static boolean run() throws Exception {
    Machine.printHeader(
        "Benchmark 7: "
            + JVMS
            + " client JVMs x "
            + THREADS
            + " threads, "
            + CALLS
            + " updateUser calls, one quota group, two keys of one owner");
    System.out.println("redis:   " + RedisServer.version());
    System.out.println(
        "Redis coordinator: rate guard "
            + Long.getLong("bench.rateGuardMillis", 0)
            + " ms (-Dbench.rateGuardMillis; the library's default is 0), stamps moved to the"
            + " response (at most 250 ms after writing), fallback share 1/"
            + JVMS
            + " per JVM");
    List<String> keys = new ArrayList<>();
    for (String[] key : KEYS) {
      keys.add("--access-key");
      keys.add(key[0] + ":" + key[1] + ":" + OWNER);
    }
    try (EmulatorProcess emulator = EmulatorProcess.start(CALLS, true, keys);
        RedisServer redis = RedisServer.start();
        RawOkHttpClient raw = new RawOkHttpClient(emulator.baseUri().toString())) {
      List<UserModel> users = raw.listPage(CALLS, null).getData();
      if (users.size() != CALLS) {
        throw new IllegalStateException("expected " + CALLS + " users, got " + users.size());
      }
      List<String> specs = new ArrayList<>();
      for (UserModel user : users) {
        specs.add(
            user.getId()
                + "|"
                + user.getFirstName()
                + "|"
                + user.getLastName()
                + "|"
                + String.join(";", user.getRoleIds()));
      }
      Outcome inJvm = runOnce("in-JVM limiter only", emulator, "in-jvm", specs, null);
      Outcome shared = runOnce("Redis coordinator", emulator, redis.uri().toString(), specs, null);
      Outcome fallback =
          runOnce(
              "Redis killed at " + (long) (IDEAL_SECONDS / 2) + " s (fallback 1/4 each)",
              emulator,
              redis.uri().toString(),
              specs,
              redis);
      System.out.println();
      System.out.println(
          "| configuration | server 429s | failed at caller | wall / ideal | max in flight per key"
              + " | > 4 in flight | calls per thread min/max | longest quota wait | longest call |");
      System.out.println("|---|---|---|---|---|---|---|---|---|");
      for (Outcome o : List.of(inJvm, shared, fallback)) {
        System.out.println(o.row());
      }
      System.out.println();
      boolean met =
          shared.server429 == 0
              && shared.failed() == 0
              && shared.wallSeconds / IDEAL_SECONDS <= 1.10;
      System.out.println(
          Stats.verdict(
                  "Redis coordinator: wall / ideal " + IDEAL_SECONDS + " s",
                  shared.wallSeconds / IDEAL_SECONDS,
                  1.10)
              + "; server 429s "
              + shared.server429
              + " and failed calls "
              + shared.failed()
              + " (target 0 and 0): "
              + (shared.server429 == 0 && shared.failed() == 0 ? "MET" : "MISSED"));
    }
    // A fresh Redis for the cost: nothing else runs now.
    try (RedisServer redis = RedisServer.start()) {
      cost(redis.uri());
    }
    return true;
  }

  private static Outcome runOnce(
      String label,
      EmulatorProcess emulator,
      String coordination,
      List<String> specs,
      @Nullable RedisServer killHalfway)
      throws Exception {
    Thread.sleep(1500); // the emulator's window empties between runs
    admin(emulator, "DELETE", "/quota-stats");
    List<Process> children = new ArrayList<>();
    List<CompletableFuture<String>> results = new ArrayList<>();
    int perJvm = specs.size() / JVMS;
    try {
      for (int j = 0; j < JVMS; j++) {
        String[] key = KEYS[j < JVMS / 2 ? 0 : 1];
        List<String> command = new ArrayList<>();
        command.add(EmulatorProcess.javaExecutable());
        command.add("-Xmx256m");
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add("-Dbench.rateGuardMillis=" + Long.getLong("bench.rateGuardMillis", 0));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(QuotaWorker.class.getName());
        command.addAll(
            List.of(
                emulator.baseUri().toString(),
                key[0],
                key[1],
                GROUP,
                coordination,
                Double.toString(1.0 / JVMS),
                Integer.toString(THREADS)));
        command.addAll(specs.subList(j * perJvm, j == JVMS - 1 ? specs.size() : (j + 1) * perJvm));
        Process child =
            new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        children.add(child);
        CompletableFuture<String> ready = new CompletableFuture<>();
        CompletableFuture<String> result = new CompletableFuture<>();
        results.add(result);
        Thread reader =
            new Thread(
                () -> {
                  try (BufferedReader out =
                      new BufferedReader(
                          new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                      if (line.equals(QuotaWorker.READY)) {
                        ready.complete(line);
                      } else if (line.startsWith(QuotaWorker.RESULT)) {
                        result.complete(line.substring(QuotaWorker.RESULT.length()));
                      }
                    }
                  } catch (IOException e) {
                    // the child ended
                  }
                  ready.complete("ended");
                  result.complete("");
                },
                "worker-" + j);
        reader.setDaemon(true);
        reader.start();
        if (!ready.get(60, TimeUnit.SECONDS).equals(QuotaWorker.READY)) {
          throw new IllegalStateException("worker " + j + " ended before it was ready");
        }
      }
      long start = System.nanoTime();
      for (Process child : children) {
        OutputStream in = child.getOutputStream();
        in.write((QuotaWorker.GO + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
      }
      if (killHalfway != null) {
        long half = (long) (IDEAL_SECONDS * 1000 / 2);
        Thread.sleep(half);
        killHalfway.kill();
        System.out.printf("  (Redis killed %d ms after the start)%n", half);
      }
      Outcome outcome = new Outcome(label);
      for (CompletableFuture<String> result : results) {
        outcome.add(result.get(10, TimeUnit.MINUTES));
      }
      outcome.wallSeconds = (System.nanoTime() - start) / 1e9;
      JsonNode stats = admin(emulator, "GET", "/quota-stats");
      outcome.server429 = stats.path("throttled").asInt();
      stats
          .path("highestInFlight")
          .fields()
          .forEachRemaining(e -> outcome.inFlight.put(e.getKey(), e.getValue().asInt()));
      System.out.println("  " + label + ": " + outcome.detail() + ", emulator " + stats);
      return outcome;
    } finally {
      for (Process child : children) {
        child.destroyForcibly();
      }
    }
  }

  private static JsonNode admin(EmulatorProcess emulator, String method, String path)
      throws IOException, InterruptedException {
    URI uri = emulator.baseUri().resolve("/__admin" + path);
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(method + " " + uri + ": " + response.statusCode());
    }
    return JSON.readTree(response.body());
  }

  /** The coordinator's own cost: acquire + sent + close with quotas that never bind. */
  private static void cost(URI redis) throws Exception {
    Quotas off = Quotas.of(1_000_000, Duration.ofSeconds(1), 1_000_000);
    QuotaKey key = new QuotaKey("cost@example.com", "suCost");
    int warmup = Integer.getInteger("bench.costWarmup", 5_000);
    int rounds = Integer.getInteger("bench.costRounds", 20_000);
    System.out.println();
    System.out.println(
        "Coordinator cost per call, quotas effectively off (acquire + sent + close), "
            + rounds
            + " calls after "
            + warmup
            + " warm-up:");
    // A long command timeout: on a loaded machine a stall past the default would make the
    // coordinator fall back, and the figures would be the fallback's. Each figure is checked.
    try (RedisQuotas quotas =
        RedisQuotas.builder(redis).commandTimeout(Duration.ofSeconds(5)).build()) {
      QuotaCoordinator inJvm = QuotaCoordinator.inJvm();
      measure("in-JVM, 1 thread", inJvm, key, off, warmup, rounds, 1);
      measure("Redis (Lua via EVALSHA on Lettuce), 1 thread", quotas, key, off, warmup, rounds, 1);
      shared(quotas);
      measure("Redis, 8 threads on one key", quotas, key, off, warmup / 8, rounds / 8, 8);
      shared(quotas);
      measure("Redis, 8 threads, 8 keys", quotas, null, off, warmup / 8, rounds / 8, 8);
      shared(quotas);
    }
  }

  private static void shared(RedisQuotas quotas) {
    if (!quotas.isShared()) {
      throw new IllegalStateException(
          "the coordinator fell back during the measurement: the figure above is not Redis's");
    }
  }

  private static void measure(
      String label,
      QuotaCoordinator coordinator,
      QuotaKey key,
      Quotas quotas,
      int warmup,
      int rounds,
      int threads)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<long[]>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        QuotaKey own = key != null ? key : new QuotaKey("cost-" + t + "@example.com", "suCost" + t);
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < warmup; i++) {
                    once(coordinator, own, quotas);
                  }
                  long[] nanos = new long[rounds];
                  for (int i = 0; i < rounds; i++) {
                    long begin = System.nanoTime();
                    once(coordinator, own, quotas);
                    nanos[i] = System.nanoTime() - begin;
                  }
                  return nanos;
                }));
      }
      long[] all = new long[0];
      for (Future<long[]> future : futures) {
        long[] part = future.get();
        long[] merged = Arrays.copyOf(all, all.length + part.length);
        System.arraycopy(part, 0, merged, all.length, part.length);
        all = merged;
      }
      Arrays.sort(all);
      System.out.printf(
          Locale.ROOT,
          "  %-48s p50 %7.1f us, p99 %7.1f us, p99.9 %7.1f us%n",
          label,
          all[all.length / 2] / 1e3,
          all[(int) (all.length * 0.99)] / 1e3,
          all[(int) (all.length * 0.999)] / 1e3);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void once(QuotaCoordinator coordinator, QuotaKey key, Quotas quotas)
      throws InterruptedException {
    QuotaPermit permit = coordinator.acquire(key, quotas, MAX_WAIT);
    permit.sent();
    permit.close();
  }

  private static final class Outcome {
    final String label;
    int succeeded;
    int throttledAtCaller;
    int otherFailures;
    int clientSaw429;
    int retries;
    int server429;
    long longestQuotaWaitMillis;
    long longestCallMillis;
    double wallSeconds;
    final List<Integer> perThread = new ArrayList<>();
    final Map<String, Integer> inFlight = new HashMap<>();

    Outcome(String label) {
      this.label = label;
    }

    int failed() {
      return throttledAtCaller + otherFailures;
    }

    void add(String result) {
      if (result.isEmpty()) {
        otherFailures += CALLS / JVMS;
        return;
      }
      for (String field : result.split(" ")) {
        String[] kv = field.split("=", 2);
        switch (kv[0]) {
          case "succeeded" -> succeeded += Integer.parseInt(kv[1]);
          case "throttled" -> throttledAtCaller += Integer.parseInt(kv[1]);
          case "otherFailures" -> otherFailures += Integer.parseInt(kv[1]);
          case "server429" -> clientSaw429 += Integer.parseInt(kv[1]);
          case "retries" -> retries += Integer.parseInt(kv[1]);
          case "longestCallMillis" ->
              longestCallMillis = Math.max(longestCallMillis, Long.parseLong(kv[1]));
          case "longestQuotaWaitMillis" ->
              longestQuotaWaitMillis = Math.max(longestQuotaWaitMillis, Long.parseLong(kv[1]));
          case "perThread" -> {
            for (String c : kv[1].split(",")) {
              perThread.add(Integer.parseInt(c));
            }
          }
          default -> {
            // wallMillis: the harness measures the whole run itself
          }
        }
      }
    }

    int maxInFlight() {
      return inFlight.entrySet().stream()
          .filter(e -> e.getKey().startsWith("suShared"))
          .mapToInt(Map.Entry::getValue)
          .max()
          .orElse(0);
    }

    String detail() {
      return String.format(
          Locale.ROOT,
          "%d succeeded, %d failed with 429 at the caller, %d other failures, %d 429s seen by the"
              + " clients, %d retries, wall %.1f s",
          succeeded,
          throttledAtCaller,
          otherFailures,
          clientSaw429,
          retries,
          wallSeconds);
    }

    String row() {
      int min = perThread.stream().mapToInt(Integer::intValue).min().orElse(0);
      int max = perThread.stream().mapToInt(Integer::intValue).max().orElse(0);
      return String.format(
          Locale.ROOT,
          "| %s | %d | %d | %.1f s / %.0f s = %.3f | %s | %s | %d / %d | %.1f s | %.1f s |",
          label,
          server429,
          failed(),
          wallSeconds,
          IDEAL_SECONDS,
          wallSeconds / IDEAL_SECONDS,
          inFlight.entrySet().stream()
              .filter(e -> e.getKey().startsWith("suShared"))
              .map(e -> e.getKey() + " " + e.getValue())
              .sorted()
              .reduce((a, b) -> a + ", " + b)
              .orElse("-"),
          maxInFlight() > 4 ? "yes" : "no",
          min,
          max,
          longestQuotaWaitMillis / 1e3,
          longestCallMillis / 1e3);
    }
  }
}
