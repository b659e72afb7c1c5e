package dev.sumoclient.users.benchmarks.internal;

import dev.sumoclient.users.ListUsersRequest;
import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.generated.model.UserModel;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Benchmark 3: iterating 100,000 users at {@code limit=1000}, client against hand-written page
 * loops, plus the heap in use at 10,000 and at 100,000 users while the client iterates.
 *
 * <p>A harness rather than JMH, because the heap has to be read in the middle of an iteration. The
 * rounds alternate between contenders so that machine noise hits them alike; wall times are
 * medians. The heap run is separate from the timed rounds, as its forced collections take time.
 */
final class IterationHarness {
  static final int USERS = 100_000;
  static final int PAGE = 1000;
  private static final int WARMUP_ROUNDS = 1;
  private static final int ROUNDS = 3;

  private IterationHarness() {}

  /** Runs the benchmark and prints its figures; returns false when a target is missed. */
  static boolean run() throws Exception {
    Machine.printHeader("Benchmark 3: iterate " + USERS + " users at limit=" + PAGE);
    try (EmulatorProcess emulator = EmulatorProcess.start(USERS, false);
        SumoUsersClient client = Clients.unlimited(emulator.baseUri());
        RawJdkClient rawJdk = new RawJdkClient(emulator.baseUri().toString());
        RawOkHttpClient rawOkHttp = new RawOkHttpClient(emulator.baseUri().toString())) {
      ListUsersRequest request = ListUsersRequest.builder().limit(PAGE).build();
      List<Contender> contenders =
          List.of(
              new Contender("client", () -> iterate(client, request, null)),
              new Contender(rawJdk.name(), () -> rawJdk.forEachUser(PAGE, IterationHarness::use)),
              new Contender(
                  rawOkHttp.name(), () -> rawOkHttp.forEachUser(PAGE, IterationHarness::use)));
      for (int round = 0; round < WARMUP_ROUNDS; round++) {
        for (Contender c : contenders) {
          c.time();
        }
      }
      double[][] millis = new double[contenders.size()][ROUNDS];
      for (int round = 0; round < ROUNDS; round++) {
        for (int i = 0; i < contenders.size(); i++) {
          millis[i][round] = contenders.get(i).time();
        }
      }
      double clientMedian = Stats.median(millis[0]);
      double bestRaw = Double.MAX_VALUE;
      String bestRawName = "";
      for (int i = 0; i < contenders.size(); i++) {
        double median = Stats.median(millis[i]);
        System.out.printf(
            "%-30s median %.1f ms over %d rounds %s%n",
            contenders.get(i).name(), median, ROUNDS, Stats.fmt(millis[i]));
        if (i > 0 && median < bestRaw) {
          bestRaw = median;
          bestRawName = contenders.get(i).name();
        }
      }
      double ratio = clientMedian / bestRaw;
      System.out.println("fastest raw baseline: " + bestRawName);
      System.out.println(Stats.verdict("wall ratio client/raw", ratio, 1.10));

      long[] heap = new long[3];
      iterate(
          client,
          request,
          seen -> {
            if (seen == 1) {
              heap[0] = usedHeapAfterGc();
            } else if (seen == 10_000) {
              heap[1] = usedHeapAfterGc();
            } else if (seen == USERS) {
              heap[2] = usedHeapAfterGc();
            }
          });
      double growth = (heap[2] - heap[1]) / (double) heap[1];
      System.out.printf(
          "heap in use after GC: at 1 user %.2f MiB, at 10,000 users %.2f MiB, at 100,000 users"
              + " %.2f MiB%n",
          mib(heap[0]), mib(heap[1]), mib(heap[2]));
      System.out.println(
          Stats.verdict("heap growth 10,000 -> 100,000 users (fraction)", growth, 0.10));
      return ratio <= 1.10 && growth <= 0.10;
    }
  }

  private static long iterate(
      SumoUsersClient client, ListUsersRequest request, @Nullable LongConsumer probe) {
    long seen = 0;
    for (UserModel user : client.listUsers(request)) {
      use(user);
      seen++;
      if (probe != null) {
        probe.accept(seen);
      }
    }
    if (seen != USERS) {
      throw new IllegalStateException("expected " + USERS + " users, saw " + seen);
    }
    return seen;
  }

  private static volatile int sink;

  /** Touches each user as a caller would, so that no decoding can be skipped. */
  private static void use(UserModel user) {
    sink += user.getId().length() + user.getEmail().length();
  }

  private static long usedHeapAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    // Twice: a first collection can leave objects that only a second one finds unreachable.
    System.gc();
    System.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static double mib(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }

  @FunctionalInterface
  interface Body {
    long run() throws Exception;
  }

  private record Contender(String name, Body body) {
    double time() throws Exception {
      long start = System.nanoTime();
      long count = body.run();
      double ms = (System.nanoTime() - start) / 1e6;
      if (count != USERS) {
        throw new IllegalStateException(name + ": expected " + USERS + " users, saw " + count);
      }
      return ms;
    }
  }
}
