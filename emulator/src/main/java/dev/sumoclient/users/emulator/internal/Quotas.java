package dev.sumoclient.users.emulator.internal;

import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Sumo Logic's quotas: so many requests per second per access id, and so many in flight per access
 * key (an emulator access key has exactly one id, so both are kept per id).
 *
 * <p>The rate is a sliding one-second window of accepted requests; rejected requests do not count,
 * so a client that waits as told gets through.
 */
public final class Quotas {
  /** Sumo Logic's published figures. */
  /** Sumo Logic's requests per second per access id. */
  public static final int SUMO_REQUESTS_PER_SECOND = 4;

  /** Sumo Logic's concurrent requests per access key. */
  public static final int SUMO_MAX_IN_FLIGHT = 10;

  private volatile boolean enabled;
  private volatile int requestsPerSecond = SUMO_REQUESTS_PER_SECOND;
  private volatile int maxInFlight = SUMO_MAX_IN_FLIGHT;
  private volatile boolean retryAfter;
  private final LongSupplier millis;
  private final ConcurrentHashMap<String, ArrayDeque<Long>> windows = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

  /** Quotas, off, measuring time with {@code millis}. */
  public Quotas(LongSupplier millis) {
    this.millis = millis;
  }

  /**
   * Admits a request or says how long to wait.
   *
   * @return 0 when admitted (the caller must then {@link #release}), else the advised wait in whole
   *     seconds, at least 1
   */
  long tryAcquire(String accessId) {
    if (!enabled) {
      return 0;
    }
    AtomicInteger running = inFlight.computeIfAbsent(accessId, id -> new AtomicInteger());
    if (running.incrementAndGet() > maxInFlight) {
      running.decrementAndGet();
      return 1;
    }
    ArrayDeque<Long> window = windows.computeIfAbsent(accessId, id -> new ArrayDeque<>());
    long now = millis.getAsLong();
    synchronized (window) {
      while (!window.isEmpty() && window.peekFirst() <= now - 1000) {
        window.pollFirst();
      }
      if (window.size() >= requestsPerSecond) {
        running.decrementAndGet();
        long waitMillis = window.peekFirst() + 1000 - now;
        return Math.max(1, (waitMillis + 999) / 1000);
      }
      window.addLast(now);
    }
    return 0;
  }

  /** Ends an admitted request. */
  void release(String accessId) {
    if (!enabled) {
      return;
    }
    AtomicInteger running = inFlight.get(accessId);
    if (running != null && running.get() > 0) {
      running.decrementAndGet();
    }
  }

  /** Whether the quotas are enforced. */
  public boolean enabled() {
    return enabled;
  }

  /** Switches the quotas on or off, starting the counts afresh on a change. */
  public void enabled(boolean on) {
    if (on != enabled) {
      // A fresh start: requests admitted while off were never counted, so old counts would lie.
      windows.clear();
      inFlight.clear();
    }
    this.enabled = on;
  }

  /** Requests allowed per access id in any one second. */
  public int requestsPerSecond() {
    return requestsPerSecond;
  }

  /** Sets the requests allowed per access id in any one second. */
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
