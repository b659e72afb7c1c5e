package dev.sumoclient.users.internal;

import dev.sumoclient.users.Quotas;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Enforces a request rate (sliding window) and a concurrency limit for one access id.
 *
 * <p>The server counts a request when it arrives, which the client cannot see; it only knows that
 * the arrival lies between sending and the response. Stamping a request when it leaves lets a slow
 * first request and a fast fifth one land within one server second although they left a second
 * apart. So a rate slot is held from the moment a request leaves until its response arrives and
 * stamped then: no window of length {@code per} ending at a request's departure can hold more than
 * {@code requests} arrivals, whatever the transit times. Unlike a token bucket, there is no burst
 * at a window boundary.
 */
public final class QuotaLimiter {
  private final Quotas quotas;
  private final TimeSource time;
  private final Semaphore inFlight;
  private final long windowNanos;

  /**
   * Guards the ring below. A {@link ReentrantLock}, not {@code synchronized}: on JDK 21 to 23 a
   * virtual thread waiting inside a monitor pins its carrier thread, and a few calls waiting for
   * quota would then stall every virtual thread of the service.
   */
  private final ReentrantLock lock = new ReentrantLock();

  /** Signalled when a response stamps a rate slot. */
  private final Condition slotStamped = lock.newCondition();

  /** Response times of the most recent finished requests, oldest first, in a ring. */
  private final long[] finished;

  private int oldest;
  private int recorded;

  /** Requests holding a rate slot whose response has not arrived yet. */
  private int sending;

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
    this.finished = new long[quotas.requests()];
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
   * <p>The caller must {@link #release()} when the response has arrived (or the exchange failed) if
   * this returns normally.
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
      lock.lockInterruptibly();
      try {
        long now = time.nanoTime();
        while (recorded > 0 && finished[oldest] + windowNanos - now <= 0) {
          oldest = (oldest + 1) % finished.length;
          recorded--;
        }
        if (sending + recorded < finished.length) {
          sending++;
          return;
        }
        if (recorded == 0) {
          // Every slot is on the wire; the first response to arrive starts the wait for a slot.
          long remaining = deadlineNanos - now;
          if (remaining <= 0) {
            throw new QuotaTimeoutException("rate");
          }
          slotStamped.awaitNanos(remaining);
          continue;
        }
        wait = finished[oldest] + windowNanos - now;
        if (now + wait - deadlineNanos > 0) {
          throw new QuotaTimeoutException("rate");
        }
      } finally {
        lock.unlock();
      }
      time.sleep(Duration.ofNanos(wait));
    }
  }

  /**
   * Marks the response of a request admitted by {@link #acquire(long)} as arrived: its rate slot is
   * stamped now, and its concurrency permit is given back.
   */
  public void release() {
    lock.lock();
    try {
      if (sending > 0) {
        sending--;
        finished[(oldest + recorded) % finished.length] = time.nanoTime();
        recorded++;
        slotStamped.signalAll();
      }
    } finally {
      lock.unlock();
    }
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
