package dev.sumoclient.users.benchmarks.internal;

import dev.sumoclient.users.ClientListener;
import dev.sumoclient.users.QuotaCoordinator;
import dev.sumoclient.users.SumoThrottledException;
import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.generated.model.UpdateUserDefinition;
import dev.sumoclient.users.generated.model.UserModel;
import dev.sumoclient.users.quota.redis.RedisQuotas;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client JVM of the shared-quota benchmark ({@link SharedQuotaHarness}): builds a client on its
 * access key and quota group, says {@code READY}, waits for {@code GO} on its standard input, then
 * makes its share of {@code updateUser} calls from several threads and prints one {@code RESULT}
 * line.
 *
 * <p>Arguments: base URL, access id, access key, group, {@code in-jvm} or a Redis URL, fallback
 * share, threads, then the users to update as {@code id|firstName|lastName|role;role}.
 */
public final class QuotaWorker {
  static final String READY = "READY";
  static final String GO = "GO";
  static final String RESULT = "RESULT ";

  private QuotaWorker() {}

  /**
   * Runs the worker.
   *
   * @param args see the class description
   */
  public static void main(String[] args) throws Exception {
    URI base = URI.create(args[0]);
    String accessId = args[1];
    String accessKey = args[2];
    String group = args[3];
    String coordination = args[4];
    double share = Double.parseDouble(args[5]);
    int threads = Integer.parseInt(args[6]);
    // id|firstName|lastName|role;role: the user as it is, written back. Parsed before the start
    // signal, so that the measured calls do only the call.
    List<String> ids = new ArrayList<>();
    List<UpdateUserDefinition> updates = new ArrayList<>();
    for (String spec : List.of(args).subList(7, args.length)) {
      String[] user = spec.split("\\|", -1);
      ids.add(user[0]);
      updates.add(
          new UpdateUserDefinition()
              .firstName(user[1])
              .lastName(user[2])
              .isActive(Boolean.TRUE)
              .roleIds(new ArrayList<>(List.of(user[3].split(";")))));
    }

    AtomicInteger server429 = new AtomicInteger();
    AtomicInteger retries = new AtomicInteger();
    AtomicLong longestQuotaWaitNanos = new AtomicLong();
    ClientListener counting =
        new ClientListener() {
          @Override
          public void onRequest(RequestEvent event) {
            if (event.status() == 429) {
              server429.incrementAndGet();
            }
          }

          @Override
          public void onRetry(RetryEvent event) {
            retries.incrementAndGet();
          }

          @Override
          public void onThrottled(ThrottleEvent event) {
            if (event.source() == Source.CLIENT_QUOTA) {
              longestQuotaWaitNanos.accumulateAndGet(event.waited().toNanos(), Math::max);
            }
          }
        };
    QuotaCoordinator coordinator =
        coordination.equals("in-jvm")
            ? QuotaCoordinator.inJvm()
            : RedisQuotas.builder(URI.create(coordination))
                .fallbackShare(share)
                .rateGuard(Duration.ofMillis(Long.getLong("bench.rateGuardMillis", 0)))
                .build();
    SumoUsersClient.Builder builder =
        SumoUsersClient.builder()
            .endpoint(base)
            .credentials(accessId, accessKey)
            .quotaGroup(group)
            .quotaCoordinator(coordinator)
            .listener(counting);
    try (SumoUsersClient client = builder.build()) {
      System.out.println(READY);
      System.out.flush();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line;
      while ((line = in.readLine()) != null && !line.equals(GO)) {
        // waiting for the start signal
      }
      AtomicInteger next = new AtomicInteger();
      AtomicInteger succeeded = new AtomicInteger();
      AtomicInteger throttled = new AtomicInteger();
      AtomicInteger otherFailures = new AtomicInteger();
      AtomicLong longestCallNanos = new AtomicLong();
      int[] perThread = new int[threads];
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      long start = System.nanoTime();
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        workers.add(
            pool.submit(
                () -> {
                  int i;
                  while ((i = next.getAndIncrement()) < ids.size()) {
                    long begin = System.nanoTime();
                    try {
                      UserModel updated = client.updateUser(ids.get(i), updates.get(i));
                      if (updated != null) {
                        succeeded.incrementAndGet();
                        perThread[thread]++;
                      }
                    } catch (SumoThrottledException e) {
                      throttled.incrementAndGet();
                    } catch (RuntimeException e) {
                      otherFailures.incrementAndGet();
                      System.err.println("call failed: " + e);
                    }
                    longestCallNanos.accumulateAndGet(System.nanoTime() - begin, Math::max);
                  }
                }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
      long wall = System.nanoTime() - start;
      pool.shutdown();
      StringBuilder counts = new StringBuilder();
      for (int c : perThread) {
        counts.append(counts.length() == 0 ? "" : ",").append(c);
      }
      System.out.println(
          RESULT
              + "succeeded="
              + succeeded.get()
              + " throttled="
              + throttled.get()
              + " otherFailures="
              + otherFailures.get()
              + " server429="
              + server429.get()
              + " retries="
              + retries.get()
              + " wallMillis="
              + wall / 1_000_000
              + " longestCallMillis="
              + longestCallNanos.get() / 1_000_000
              + " longestQuotaWaitMillis="
              + longestQuotaWaitNanos.get() / 1_000_000
              + " perThread="
              + counts);
      System.out.flush();
    } finally {
      coordinator.close();
    }
  }
}
