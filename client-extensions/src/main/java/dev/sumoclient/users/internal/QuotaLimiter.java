package dev.sumoclient.users.internal;

import dev.sumoclient.users.Quotas;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Enforces a request rate (sliding window) and a concurrency limit for one access id.
 *
 * <p>The sliding-window log remembers the start time of the last {@code requests} requests, so no
 * window of length {@code per} ever holds more starts than allowed, unlike a token bucket that
 * allows a burst at a window boundary.
 */
public final class QuotaLimiter {
  private final Quotas quotas;
  private final TimeSource time;
  private final Semaphore inFlight;
  private final long windowNanos;
  private final long[] starts;
  private int oldest;
  private int recorded;

  /**
   * Creates a limiter.
   *
   * @param quotas the limits
   * @param time the time source used for the rate window
   */
  public QuotaLimiter(Quotas quotas, TimeSource time) {
    this.quotas = quotas;
    this.time = time;
    this.inFlight = new Semaphore(quotas.maxConcurrent(), true);
    this.windowNanos = quotas.per().toNanos();
    this.starts = new long[quotas.requests()];
  }

  /**
   * Returns the limits this limiter enforces.
   *
   * @return the quotas
   */
  public Quotas quotas() {
    return quotas;
  }

  /**
   * Waits for a concurrency permit and a rate slot, in that order, before {@code deadlineNanos}.
   *
   * <p>The caller must {@link #release()} after the exchange when this returns normally.
   *
   * @param deadlineNanos the {@link TimeSource#nanoTime()} by which the request must start
   * @return how long the caller waited
   * @throws QuotaTimeoutException when the deadline passes first
   * @throws InterruptedException when interrupted while waiting
   */
  public Duration acquire(long deadlineNanos) throws InterruptedException {
    long begin = time.nanoTime();
    long remaining = deadlineNanos - begin;
    if (!inFlight.tryAcquire(Math.max(remaining, 0), TimeUnit.NANOSECONDS)) {
      throw new QuotaTimeoutException("concurrency");
    }
    boolean done = false;
    try {
      awaitRateSlot(deadlineNanos);
      done = true;
    } finally {
      if (!done) {
        inFlight.release();
      }
    }
    return Duration.ofNanos(time.nanoTime() - begin);
  }

  private void awaitRateSlot(long deadlineNanos) throws InterruptedException {
    while (true) {
      long wait;
      synchronized (this) {
        long now = time.nanoTime();
        if (recorded < starts.length) {
          starts[(oldest + recorded) % starts.length] = now;
          recorded++;
          return;
        }
        wait = starts[oldest] + windowNanos - now;
        if (wait <= 0) {
          starts[oldest] = now;
          oldest = (oldest + 1) % starts.length;
          return;
        }
        if (now + wait > deadlineNanos) {
          throw new QuotaTimeoutException("rate");
        }
      }
      time.sleep(Duration.ofNanos(wait));
    }
  }

  /** Gives back the concurrency permit taken by {@link #acquire(long)}. */
  public void release() {
    inFlight.release();
  }

  /** Thrown when the deadline passes while waiting for quota. */
  public static final class QuotaTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    QuotaTimeoutException(String which) {
      super("the call deadline passed while waiting for the client-side " + which + " quota");
    }
  }
}
