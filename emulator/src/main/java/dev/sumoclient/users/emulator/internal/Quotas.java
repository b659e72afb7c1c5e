package dev.sumoclient.users.emulator.internal;

import dev.sumoclient.users.emulator.AccessKey;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Sumo Logic's quotas, counted as Sumo counts them: so many requests per second per user (the owner
 * of the access key, across all of the owner's keys), and so many in flight per access key.
 *
 * <p>The rate is a sliding one-second window of accepted requests, stamped when the request
 * arrives; rejected requests do not count, so a client that waits as told gets through. What a
 * benchmark needs to judge a client is kept whether or not the quotas are enforced: the highest
 * number of requests each key had in flight at once and how many requests were refused with 429.
 */
public final class Quotas {
  /** Sumo Logic's requests per second per user. */
  public static final int SUMO_REQUESTS_PER_SECOND = 4;

  /** Sumo Logic's concurrent requests per access key. */
  public static final int SUMO_MAX_IN_FLIGHT = 10;

  private volatile boolean enabled;
  private volatile int requestsPerSecond = SUMO_REQUESTS_PER_SECOND;
  private volatile int maxInFlight = SUMO_MAX_IN_FLIGHT;
  private volatile boolean retryAfter;
  private final LongSupplier millis;

  /** Accepted arrivals of the last second, per owner id. */
  private final ConcurrentHashMap<String, ArrayDeque<Long>> windows = new ConcurrentHashMap<>();

  /** Requests in flight per access id; counted whether or not quotas are on. */
  private final ConcurrentHashMap<String, InFlight> inFlight = new ConcurrentHashMap<>();

  /** One key's requests being served now, and the most seen at once (refused ones included). */
  private static final class InFlight {
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger highest = new AtomicInteger();
  }

  private final AtomicLong refusedForRate = new AtomicLong();
  private final AtomicLong refusedForInFlight = new AtomicLong();

  /** Quotas, off, measuring time with {@code millis}. */
  public Quotas(LongSupplier millis) {
    this.millis = millis;
  }

  /**
   * Admits a request or says how long to wait; either way the request is counted in flight until
   * {@link #release} if admitted.
   *
   * @return 0 when admitted (the caller must then {@link #release}), else the advised wait in whole
   *     seconds, at least 1
   */
  long tryAcquire(AccessKey caller) {
    InFlight key = inFlight.computeIfAbsent(caller.id(), id -> new InFlight());
    AtomicInteger running = key.running;
    int now = running.incrementAndGet();
    key.highest.accumulateAndGet(now, Math::max);
    if (!enabled) {
      return 0;
    }
    if (now > maxInFlight) {
      running.decrementAndGet();
      refusedForInFlight.incrementAndGet();
      return 1;
    }
    ArrayDeque<Long> window = windows.computeIfAbsent(caller.ownerId(), id -> new ArrayDeque<>());
    long arrived = millis.getAsLong();
    synchronized (window) {
      while (!window.isEmpty() && window.peekFirst() <= arrived - 1000) {
        window.pollFirst();
      }
      if (window.size() >= requestsPerSecond) {
        running.decrementAndGet();
        refusedForRate.incrementAndGet();
        long waitMillis = window.peekFirst() + 1000 - arrived;
        return Math.max(1, (waitMillis + 999) / 1000);
      }
      window.addLast(arrived);
    }
    return 0;
  }

  /** Ends a request admitted by {@link #tryAcquire}. */
  void release(AccessKey caller) {
    InFlight key = inFlight.get(caller.id());
    if (key != null) {
      key.running.decrementAndGet();
    }
  }

  /** The most requests each access id had in flight at once since the last reset, by id. */
  public Map<String, Integer> highestInFlight() {
    Map<String, Integer> copy = new TreeMap<>();
    inFlight.forEach(
        (id, key) -> {
          int highest = key.highest.get();
          if (highest > 0) {
            copy.put(id, highest);
          }
        });
    return copy;
  }

  /** Requests refused with 429 because their owner's rate window was full. */
  public long refusedForRate() {
    return refusedForRate.get();
  }

  /** Requests refused with 429 because their key had too many in flight. */
  public long refusedForInFlight() {
    return refusedForInFlight.get();
  }

  /** Starts the statistics afresh (requests in flight stay counted). */
  public void resetStatistics() {
    // A key's highest starts again from what it has in flight now (0 when idle: then not listed).
    inFlight.forEach((id, key) -> key.highest.set(key.running.get()));
    refusedForRate.set(0);
    refusedForInFlight.set(0);
  }

  /** Whether the quotas are enforced. */
  public boolean enabled() {
    return enabled;
  }

  /** Switches the quotas on or off, starting the rate windows afresh on a change. */
  public void enabled(boolean on) {
    if (on != enabled) {
      // A fresh start: requests admitted while off were never counted, so old counts would lie.
      windows.clear();
    }
    this.enabled = on;
  }

  /** Requests allowed per owner in any one second. */
  public int requestsPerSecond() {
    return requestsPerSecond;
  }

  /** Sets the requests allowed per owner in any one second. */
  public void requestsPerSecond(int value) {
    if (value < 1) {
      throw new IllegalArgumentException("requestsPerSecond: must be at least 1, was " + value);
    }
    this.requestsPerSecond = value;
  }

  /** Requests allowed in flight per access key. */
  public int maxInFlight() {
    return maxInFlight;
  }

  /** Sets the requests allowed in flight per access key. */
  public void maxInFlight(int value) {
    if (value < 1) {
      throw new IllegalArgumentException("maxInFlight: must be at least 1, was " + value);
    }
    this.maxInFlight = value;
  }

  /** Whether quota 429s carry {@code Retry-After}. */
  public boolean retryAfter() {
    return retryAfter;
  }

  /** Chooses whether quota 429s carry {@code Retry-After}. */
  public void retryAfter(boolean send) {
    this.retryAfter = send;
  }
}
