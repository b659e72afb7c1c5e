package dev.sumoclient.users.benchmarks.internal;

import dev.sumoclient.users.ListUsersRequest;
import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.generated.model.ListUserModelsResponse;
import dev.sumoclient.users.generated.model.UserModel;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Benchmark 3: iterating 100,000 users at {@code limit=1000}, client against hand-written page
 * loops, plus the heap in use at 10,000 and at 100,000 users while the client iterates.
 *
 * <p>A harness rather than JMH, because the heap has to be read in the middle of an iteration. The
 * contenders iterate in lockstep, one page's worth of users each in a shuffled order, and each step
 * is timed: a whole iteration takes tens of seconds, long enough for a shared machine's load to
 * change several times, and lockstep makes every contender live through the same load. A
 * contender's wall time is the sum of its steps. The heap run is separate, as its forced
 * collections take time.
 */
final class IterationHarness {
  static final int USERS = 100_000;
  static final int PAGE = 1000;
  private static final int WARMUP_PASSES = 1;
  private static final int PASSES = 3;

  private IterationHarness() {}

  /** Runs the benchmark and prints its figures; returns false when a target is missed. */
  static boolean run() throws Exception {
    Machine.printHeader("Benchmark 3: iterate " + USERS + " users at limit=" + PAGE);
    try (EmulatorProcess emulator = EmulatorProcess.start(USERS, false);
        SumoUsersClient client = Clients.unlimited(emulator.baseUri());
        RawJdkClient rawJdk = new RawJdkClient(emulator.baseUri().toString());
        RawOkHttpClient rawOkHttp = new RawOkHttpClient(emulator.baseUri().toString())) {
      ListUsersRequest request = ListUsersRequest.builder().limit(PAGE).build();
      List<Peer> peers = Peers.open(emulator.baseUri());
      List<String> names = new ArrayList<>(List.of("client", rawJdk.name(), rawOkHttp.name()));
      for (Peer peer : peers) {
        names.add(peer.name());
      }
      double[][] millis = new double[names.size()][PASSES];
      double[][] pageMillis = new double[names.size()][PASSES * (USERS / PAGE)];
      Random shuffle = new Random(7);
      for (int pass = -WARMUP_PASSES; pass < PASSES; pass++) {
        List<Stepper> steppers =
            new ArrayList<>(
                List.of(
                    new ClientStepper(client, request),
                    new RawStepper(rawJdk),
                    new RawStepper(rawOkHttp)));
        for (Peer peer : peers) {
          steppers.add(new LoopStepper(peer));
        }
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < steppers.size(); c++) {
          order.add(c);
        }
        for (int page = 0; page < USERS / PAGE; page++) {
          Collections.shuffle(order, shuffle);
          for (int c : order) {
            long start = System.nanoTime();
            steppers.get(c).step();
            double ms = (System.nanoTime() - start) / 1e6;
            if (pass >= 0) {
              millis[c][pass] += ms;
              pageMillis[c][pass * (USERS / PAGE) + page] = ms;
            }
          }
        }
        long expected = steppers.get(0).finish();
        for (Stepper s : steppers) {
          if (s.finish() != expected) {
            throw new IllegalStateException("the contenders saw different users");
          }
        }
      }
      double[] medians = new double[names.size()];
      int bestRaw = 1;
      for (int c = 0; c < names.size(); c++) {
        medians[c] = Stats.median(millis[c]);
        System.out.printf(
            "%-30s wall median %.0f ms over %d passes %s; median page %.1f ms%n",
            names.get(c), medians[c], PASSES, Stats.fmt(millis[c]), Stats.median(pageMillis[c]));
        if (c > 0 && c < 3 && medians[c] < medians[bestRaw]) {
          bestRaw = c;
        }
      }
      double ratio = medians[0] / medians[bestRaw];
      System.out.println("fastest raw baseline: " + names.get(bestRaw));
      System.out.printf(
          "median page ratio client/raw = %.3f%n",
          Stats.median(pageMillis[0]) / Stats.median(pageMillis[bestRaw]));
      System.out.println(Stats.verdict("wall ratio client/raw", ratio, 1.10));
      boolean peersMet = true;
      for (int c = 3; c < names.size(); c++) {
        double peerRatio = medians[0] / medians[c];
        double[] spread = Stats.ratioRange(millis[0], millis[c]);
        peersMet &= peerRatio <= 1.00;
        System.out.printf(
            "iterate 100,000 users, wall: client / %s = %.3f (per pass %.3f .. %.3f; median page"
                + " ratio %.3f), target <= 1.00: %s%n",
            names.get(c),
            peerRatio,
            spread[0],
            spread[1],
            Stats.median(pageMillis[0]) / Stats.median(pageMillis[c]),
            Stats.peerVerdict(peerRatio, spread[0], spread[1], 1.00));
      }

      long[] heap = new long[3];
      long checksum = iterate(client, request, seen -> noteHeap(seen, heap));
      double growth = (heap[2] - heap[1]) / (double) heap[1];
      System.out.println("checksum of the users seen: " + checksum);
      System.out.printf(
          "heap in use after GC while the client iterates: at 1 user %.2f MiB, at 10,000 users"
              + " %.2f MiB, at 100,000 users %.2f MiB%n",
          mib(heap[0]), mib(heap[1]), mib(heap[2]));
      System.out.println(
          Stats.verdict("heap growth 10,000 -> 100,000 users (fraction)", growth, 0.10));
      for (Peer peer : peers) {
        long[] peerHeap = new long[3];
        long[] seen = new long[1];
        peer.forEachUser(PAGE, (id, email) -> noteHeap(++seen[0], peerHeap));
        System.out.printf(
            "heap in use after GC while %s iterates (the user's token loop): at 1 user %.2f MiB,"
                + " at 10,000 users %.2f MiB, at 100,000 users %.2f MiB, growth %+.1f %%"
                + " (client %+.1f %%)%n",
            peer.name(),
            mib(peerHeap[0]),
            mib(peerHeap[1]),
            mib(peerHeap[2]),
            100.0 * (peerHeap[2] - peerHeap[1]) / peerHeap[1],
            100.0 * growth);
      }
      Peers.closeAll(peers);
      return ratio <= 1.10 && growth <= 0.10 && peersMet;
    }
  }

  /** One contender's iteration, advanced one page's worth of users at a time. */
  private interface Stepper {
    void step() throws Exception;

    /** Checks that exactly every user was seen; returns the checksum of what was seen. */
    long finish();
  }

  private static final class ClientStepper implements Stepper {
    private final Iterator<UserModel> users;
    private long seen;
    private long checksum;

    ClientStepper(SumoUsersClient client, ListUsersRequest request) {
      this.users = client.listUsers(request).iterator();
    }

    @Override
    public void step() {
      for (int i = 0; i < PAGE && users.hasNext(); i++) {
        checksum += use(users.next());
        seen++;
      }
    }

    @Override
    public long finish() {
      if (users.hasNext() || seen != USERS) {
        throw new IllegalStateException("client: expected " + USERS + " users, saw " + seen);
      }
      return checksum;
    }
  }

  private static final class RawStepper implements Stepper {
    private final RawClient raw;
    private @Nullable String token;
    private boolean done;
    private long seen;
    private long checksum;

    RawStepper(RawClient raw) {
      this.raw = raw;
    }

    @Override
    public void step() throws Exception {
      if (done) {
        return;
      }
      ListUserModelsResponse page = raw.listPage(PAGE, token);
      for (UserModel user : page.getData()) {
        checksum += use(user);
        seen++;
      }
      token = page.getNext();
      done = token == null || token.isEmpty();
    }

    @Override
    public long finish() {
      if (!done || seen != USERS) {
        throw new IllegalStateException(raw.name() + ": expected " + USERS + " users, saw " + seen);
      }
      return checksum;
    }
  }

  /**
   * A generated peer's own token loop, exactly as its user writes it, run on a thread of its own
   * and paused after every page's worth of users, so that it can step in lockstep with the others.
   */
  private static final class LoopStepper implements Stepper {
    private final java.util.concurrent.Semaphore go = new java.util.concurrent.Semaphore(0);
    private final java.util.concurrent.Semaphore paused = new java.util.concurrent.Semaphore(0);
    private final Peer peer;
    private volatile boolean done;
    private volatile @Nullable Throwable failure;
    private long seen;
    private long checksum;

    LoopStepper(Peer peer) {
      this.peer = peer;
      Thread loop =
          new Thread(
              () -> {
                try {
                  go.acquire();
                  peer.forEachUser(
                      PAGE,
                      (id, email) -> {
                        checksum += id.length() + email.length();
                        seen++;
                        if (seen % PAGE == 0) {
                          paused.release();
                          go.acquireUninterruptibly();
                        }
                      });
                } catch (Throwable t) {
                  failure = t;
                } finally {
                  done = true;
                  paused.release();
                }
              },
              "loop-" + peer.name());
      loop.setDaemon(true);
      loop.start();
    }

    @Override
    public void step() throws Exception {
      if (done) {
        return;
      }
      go.release();
      paused.acquire();
      if (failure != null) {
        throw new IllegalStateException(peer.name() + " failed", failure);
      }
    }

    @Override
    public long finish() {
      try {
        step(); // lets the loop see that there is no next page
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      if (!done || seen != USERS) {
        throw new IllegalStateException(
            peer.name() + ": expected " + USERS + " users, saw " + seen);
      }
      return checksum;
    }
  }

  private static long iterate(
      SumoUsersClient client, ListUsersRequest request, LongConsumer probe) {
    long seen = 0;
    long checksum = 0;
    for (UserModel user : client.listUsers(request)) {
      checksum += use(user);
      seen++;
      probe.accept(seen);
    }
    if (seen != USERS) {
      throw new IllegalStateException("expected " + USERS + " users, saw " + seen);
    }
    return checksum;
  }

  /** Touches each user as a caller would; the sum is printed, so no decoding can be skipped. */
  private static long use(UserModel user) {
    return user.getId().length() + user.getEmail().length();
  }

  /** Reads the heap in use after GC into {@code heap} at the 1st, 10,000th and last user. */
  private static void noteHeap(long seen, long[] heap) {
    if (seen == 1) {
      heap[0] = usedHeapAfterGc();
    } else if (seen == 10_000) {
      heap[1] = usedHeapAfterGc();
    } else if (seen == USERS) {
      heap[2] = usedHeapAfterGc();
    }
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
}
