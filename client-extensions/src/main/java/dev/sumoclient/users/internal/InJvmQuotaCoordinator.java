package dev.sumoclient.users.internal;

import dev.sumoclient.users.QuotaCoordinator;
import dev.sumoclient.users.QuotaKey;
import dev.sumoclient.users.QuotaPermit;
import dev.sumoclient.users.Quotas;
import dev.sumoclient.users.SumoTimeoutException;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The in-JVM {@link QuotaCoordinator}: a fair in-flight cap per access id, then a fair sliding rate
 * window per quota group.
 *
 * <h2>When a request counts</h2>
 *
 * <p>Sumo Logic counts a request when it arrives, which the client cannot see; it only knows that
 * the arrival lies between the moment the request was granted and the moment its response came
 * back. A granted request therefore takes a <em>rate slot</em>, and a new request is granted only
 * while fewer than {@link Quotas#requests()} slots are occupied. A slot is occupied until its
 * <em>stamp</em> plus the window has passed, where the stamp is a moment no earlier than the
 * arrival:
 *
 * <ul>
 *   <li>until the request has been written ({@link QuotaPermit#sent()}) the stamp is unknown and
 *       the slot stays occupied;
 *   <li>once written at {@code w}, the stamp is {@code w + margin}: the server counts a request one
 *       transit after its last byte left, and the margin bounds that transit;
 *   <li>when the response arrives at {@code r} before that, the stamp becomes {@code r}, since the
 *       request certainly arrived before its response left.
 * </ul>
 *
 * <p>Then no server window can hold more than {@code requests} arrivals: of any {@code requests +
 * 1} requests whose arrivals lie within one window, the last one granted found the others' slots
 * occupied (each one's stamp is at or after its arrival, so within the window before that grant),
 * and could not have been granted. Unlike holding the slot for the whole exchange (the earlier
 * rule), a slow call frees its slot one margin after it was written: four calls of 5 s no longer
 * stall a fast one for 5 s, and the in-flight cap of 10, not the rate, bounds concurrency.
 *
 * <p>The margin is learned per group: {@value #MARGIN_FLOOR_MILLIS} ms plus twice the shortest of
 * the last {@value #SAMPLES} exchanges (written to response read), at most {@value
 * #MARGIN_CAP_MILLIS} ms, and that cap before any exchange has been measured. The shortest exchange
 * is one round trip plus the server's quickest answer: an upper bound of the one-way transit that
 * slow answers do not inflate, doubled for jitter. The floor covers what a round trip does not
 * show, the server's own delay between receiving a request and counting it. Measured with the
 * emulator in one JVM with the client over loopback, on a 2-core machine shared with other builds
 * ({@code java -jar benchmarks.jar stamping}: per run 60 calls from 10 threads with no added
 * latency and with 40 ms, and 40 calls from 12 threads with 5 s): from written to counted the
 * median was 0.7 to 2.5 ms, but the slowest request of a scenario took 18 to 268 ms (the worker
 * thread or the JVM paused). With a margin of 25 ms plus twice the shortest exchange, two of three
 * runs without added latency let late requests through inside the server's second, which answered
 * 429 twice each; with the 250 ms floor, 9 scenario runs (3 runs) had 0 server 429s. A request
 * counted later than its margin can at worst draw one 429, which the retry policy absorbs. The cap
 * keeps a slow call from holding a slot longer than one second after it was written (TCP's initial
 * retransmission timeout): with 5 s calls the emulator saw 10 in flight, and 40 calls took 24 s,
 * where holding the slot for the whole exchange allows 4 calls per 6 s.
 *
 * <h2>Order</h2>
 *
 * <p>Both stages serve callers in arrival order: the in-flight cap is a fair semaphore, and the
 * rate stage a queue in which only the head may take a slot, waking its successor when it leaves; a
 * newcomer takes a free slot at once only when nobody is queued. Waits use {@link ReentrantLock}
 * conditions, never monitors, so virtual threads are not pinned while they wait.
 */
public final class InJvmQuotaCoordinator implements QuotaCoordinator {
  static final long MARGIN_FLOOR_MILLIS = 250;
  static final long MARGIN_CAP_MILLIS = 1000;
  static final int SAMPLES = 16;
  private static final long MARGIN_FLOOR = TimeUnit.MILLISECONDS.toNanos(MARGIN_FLOOR_MILLIS);
  private static final long MARGIN_CAP = TimeUnit.MILLISECONDS.toNanos(MARGIN_CAP_MILLIS);
  private static final int SWEEP_AT_LEAST = 64;

  private static final InJvmQuotaCoordinator SHARED = new InJvmQuotaCoordinator(TimeSource.SYSTEM);
  private static final ReentrantLock OTHERS_LOCK = new ReentrantLock();
  private static final Map<TimeSource, WeakReference<InJvmQuotaCoordinator>> OTHERS =
      new WeakHashMap<>();

  private final TimeSource time;
  private final ConcurrentHashMap<RateKey, RateStage> rates = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<FlightKey, FlightStage> flights = new ConcurrentHashMap<>();
  private final ReentrantLock sweepLock = new ReentrantLock();
  private volatile int sweepAt = SWEEP_AT_LEAST;

  private record RateKey(String group, int requests, long windowNanos) {}

  private record FlightKey(String accessId, int max) {}

  private InJvmQuotaCoordinator(TimeSource time) {
    this.time = time;
  }

  /**
   * Returns the coordinator every client of the JVM shares by default.
   *
   * @return the shared coordinator
   */
  public static InJvmQuotaCoordinator shared() {
    return SHARED;
  }

  /**
   * Returns the coordinator of a time source; clients on the same source share it.
   *
   * @param time the time source
   * @return the coordinator
   */
  public static InJvmQuotaCoordinator on(TimeSource time) {
    if (time == TimeSource.SYSTEM) {
      return SHARED;
    }
    OTHERS_LOCK.lock();
    try {
      WeakReference<InJvmQuotaCoordinator> ref = OTHERS.get(time);
      InJvmQuotaCoordinator coordinator = ref == null ? null : ref.get();
      if (coordinator == null) {
        coordinator = new InJvmQuotaCoordinator(time);
        OTHERS.put(time, new WeakReference<>(coordinator));
      }
      return coordinator;
    } finally {
      OTHERS_LOCK.unlock();
    }
  }

  /**
   * Returns a coordinator of its own on a time source, shared with nobody; for tests.
   *
   * @param time the time source
   * @return a new coordinator
   */
  public static InJvmQuotaCoordinator unshared(TimeSource time) {
    return new InJvmQuotaCoordinator(time);
  }

  @Override
  public QuotaPermit acquire(QuotaKey key, Quotas quotas, Duration maxWait)
      throws InterruptedException {
    long begin = time.nanoTime();
    long deadline = Durations.deadline(begin, maxWait);
    sweepIfLarge(begin);
    FlightStage flight =
        enter(flights, new FlightKey(key.accessId(), quotas.maxConcurrent()), FlightStage::new);
    boolean granted = false;
    try {
      boolean flightWaited = flight.acquire(deadline);
      try {
        RateStage rate =
            enter(
                rates,
                new RateKey(key.group(), quotas.requests(), quotas.per().toNanos()),
                RateStage::new);
        Slot slot;
        try {
          slot = rate.acquire(deadline);
        } catch (InterruptedException | RuntimeException | Error e) {
          rate.leave();
          throw e;
        }
        granted = true;
        // Zero when neither stage had to wait (QuotaPermit's contract): the time an uncontended
        // acquire takes is no quota wait, and must not show as one in metrics or events.
        Duration waited =
            flightWaited || slot.waited ? Duration.ofNanos(time.nanoTime() - begin) : Duration.ZERO;
        return new Permit(flight, rate, slot, waited);
      } finally {
        if (!granted) {
          flight.permits.release();
        }
      }
    } finally {
      if (!granted) {
        flight.leave();
      }
    }
  }

  /** Returns the live stage of a key, never one a sweep has retired. */
  private static <K, S extends Stage> S enter(
      ConcurrentHashMap<K, S> map, K key, Function<K, S> factory) {
    while (true) {
      S stage = map.computeIfAbsent(key, factory);
      if (stage.enter()) {
        return stage;
      }
      map.remove(key, stage);
    }
  }

  /** Forgets idle groups and access ids once there are many, so the maps stay bounded. */
  private void sweepIfLarge(long now) {
    int size = rates.size() + flights.size();
    if (size <= sweepAt || !sweepLock.tryLock()) {
      return;
    }
    try {
      rates.forEach((key, stage) -> sweep(rates, key, stage, now));
      flights.forEach((key, stage) -> sweep(flights, key, stage, now));
      sweepAt = Math.max(SWEEP_AT_LEAST, 2 * (rates.size() + flights.size()));
    } finally {
      sweepLock.unlock();
    }
  }

  private static <K, S extends Stage> void sweep(
      ConcurrentHashMap<K, S> map, K key, S stage, long now) {
    if (stage.retireIfIdle(now)) {
      map.remove(key, stage);
    }
  }

  /**
   * Returns how many groups and access ids have state now; for tests.
   *
   * @return the number of rate and in-flight stages kept
   */
  public int stages() {
    return rates.size() + flights.size();
  }

  private static SumoTimeoutException timeout(String which) {
    return new SumoTimeoutException(
        "the call deadline passed while waiting for the client-side " + which + " quota", null);
  }

  @Override
  public String toString() {
    return "QuotaCoordinator.inJvm()";
  }

  /** State of one key, retired by a sweep only while nobody uses it. */
  private abstract static class Stage {
    final ReentrantLock lock = new ReentrantLock();
    private int users;
    private boolean retired;

    final boolean enter() {
      lock.lock();
      try {
        if (retired) {
          return false;
        }
        users++;
        return true;
      } finally {
        lock.unlock();
      }
    }

    final void leave() {
      lock.lock();
      try {
        users--;
      } finally {
        lock.unlock();
      }
    }

    final boolean retireIfIdle(long now) {
      lock.lock();
      try {
        if (!retired && users == 0 && idle(now)) {
          retired = true;
        }
        return retired;
      } finally {
        lock.unlock();
      }
    }

    /** Whether forgetting this stage loses nothing; called with the lock held. */
    abstract boolean idle(long now);
  }

  /** The in-flight cap of one access id: a fair semaphore, so waiters go in arrival order. */
  private final class FlightStage extends Stage {
    final int max;
    final Semaphore permits;

    FlightStage(FlightKey key) {
      this.max = key.max();
      this.permits = new Semaphore(key.max(), true);
    }

    /** Takes a permit; true when it had to wait for one. */
    boolean acquire(long deadline) throws InterruptedException {
      // A zero timeout still honours the fair queue (the untimed tryAcquire would barge).
      if (permits.tryAcquire(0, TimeUnit.NANOSECONDS)) {
        return false;
      }
      long remaining = deadline - time.nanoTime();
      if (!permits.tryAcquire(Math.max(remaining, 0), TimeUnit.NANOSECONDS)) {
        throw timeout("in-flight");
      }
      return true;
    }

    @Override
    boolean idle(long now) {
      return permits.availablePermits() == max && !permits.hasQueuedThreads();
    }
  }

  /** A request's claim on the rate window; guarded by its stage's lock. */
  private static final class Slot {
    /** Whether the caller had to wait for this slot; set once, before it is handed out. */
    boolean waited;

    boolean sent;
    long sentAt;
    boolean stamped;
    long stamp;
  }

  /** One thread's place in the rate queue. */
  private record Waiter(Condition turn) {}

  /** The rate window of one quota group, and the queue of callers waiting for a slot. */
  private final class RateStage extends Stage {
    final int capacity;
    final long window;
    final ArrayList<Slot> slots = new ArrayList<>();
    final ArrayDeque<Waiter> queue = new ArrayDeque<>();
    final long[] exchanges = new long[SAMPLES];
    int measured;

    RateStage(RateKey key) {
      this.capacity = key.requests();
      this.window = key.windowNanos();
    }

    Slot acquire(long deadline) throws InterruptedException {
      lock.lock();
      try {
        long now = time.nanoTime();
        if (queue.isEmpty()) {
          purge(now);
          if (slots.size() < capacity) {
            return take();
          }
        }
        Waiter me = new Waiter(lock.newCondition());
        queue.addLast(me);
        boolean blocked = false;
        try {
          while (true) {
            now = time.nanoTime();
            long remaining = deadline - now;
            if (queue.peekFirst() != me) {
              if (remaining <= 0) {
                throw timeout("rate");
              }
              me.turn().awaitNanos(remaining);
              blocked = true;
              continue;
            }
            purge(now);
            if (slots.size() < capacity) {
              Slot slot = take();
              slot.waited = blocked;
              return slot;
            }
            Slot first = firstToExpire();
            if (first == null) {
              // Every slot belongs to a request not yet written; its sent() or close() wakes us.
              if (remaining <= 0) {
                throw timeout("rate");
              }
              me.turn().awaitNanos(remaining);
              blocked = true;
              continue;
            }
            long free = first.stamp + window;
            if (free - deadline > 0) {
              throw timeout("rate");
            }
            time.await(me.turn(), free - now);
            blocked = true;
          }
        } finally {
          boolean wasHead = queue.peekFirst() == me;
          queue.remove(me);
          if (wasHead) {
            wakeHead();
          }
        }
      } finally {
        lock.unlock();
      }
    }

    private Slot take() {
      Slot slot = new Slot();
      slots.add(slot);
      return slot;
    }

    private void wakeHead() {
      Waiter head = queue.peekFirst();
      if (head != null) {
        head.turn().signal();
      }
    }

    private void purge(long now) {
      slots.removeIf(slot -> slot.stamped && slot.stamp + window - now <= 0);
    }

    private Slot firstToExpire() {
      Slot first = null;
      for (Slot slot : slots) {
        if (slot.stamped && (first == null || slot.stamp - first.stamp < 0)) {
          first = slot;
        }
      }
      return first;
    }

    long margin() {
      if (measured == 0) {
        return MARGIN_CAP;
      }
      long shortest = Long.MAX_VALUE;
      for (int i = 0; i < Math.min(measured, SAMPLES); i++) {
        shortest = Math.min(shortest, exchanges[i]);
      }
      return Math.min(MARGIN_CAP, MARGIN_FLOOR + 2 * Math.min(shortest, MARGIN_CAP));
    }

    void sent(Slot slot) {
      lock.lock();
      try {
        if (!slot.sent && !slot.stamped) {
          long now = time.nanoTime();
          slot.sent = true;
          slot.sentAt = now;
          slot.stamped = true;
          slot.stamp = now + margin();
          wakeHead();
        }
      } finally {
        lock.unlock();
      }
    }

    void close(Slot slot) {
      lock.lock();
      try {
        long now = time.nanoTime();
        if (slot.sent) {
          exchanges[measured++ % SAMPLES] = now - slot.sentAt;
          if (measured == 2 * SAMPLES) {
            measured = SAMPLES;
          }
          if (now - slot.stamp < 0) {
            slot.stamp = now;
          }
        } else if (!slot.stamped) {
          slot.stamped = true;
          slot.stamp = now;
        }
        wakeHead();
      } finally {
        lock.unlock();
      }
      leave();
    }

    @Override
    boolean idle(long now) {
      purge(now);
      return slots.isEmpty() && queue.isEmpty();
    }
  }

  private static final class Permit implements QuotaPermit {
    private final FlightStage flight;
    private final RateStage rate;
    private final Slot slot;
    private final Duration waited;
    private final AtomicBoolean closed = new AtomicBoolean();

    Permit(FlightStage flight, RateStage rate, Slot slot, Duration waited) {
      this.flight = flight;
      this.rate = rate;
      this.slot = slot;
      this.waited = waited;
    }

    @Override
    public Duration waited() {
      return waited;
    }

    @Override
    public void sent() {
      if (!closed.get()) {
        rate.sent(slot);
      }
    }

    @Override
    public void close() {
      if (closed.compareAndSet(false, true)) {
        rate.close(slot);
        flight.permits.release();
        flight.leave();
      }
    }

    @Override
    public String toString() {
      return "QuotaPermit[waited=" + waited + "]";
    }
  }
}
