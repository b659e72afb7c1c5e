package dev.sumoclient.users.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.Condition;

/**
 * The client's view of time and chance, replaceable so tests run without real waits.
 *
 * <p>Implementations must be thread-safe.
 */
public interface TimeSource {
  /** The real clock, {@link Thread#sleep} and a thread-local random generator. */
  TimeSource SYSTEM =
      new TimeSource() {
        private final Clock clock = Clock.systemUTC();

        @Override
        public long nanoTime() {
          return System.nanoTime();
        }

        @Override
        public Instant now() {
          return clock.instant();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
          long nanos = duration.toNanos();
          if (nanos > 0) {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
          }
        }

        @Override
        public double random() {
          return ThreadLocalRandom.current().nextDouble();
        }
      };

  /**
   * Returns a monotonic reading in nanoseconds, as {@link System#nanoTime()}.
   *
   * @return the reading
   */
  long nanoTime();

  /**
   * Returns the wall-clock time, for HTTP dates in {@code Retry-After}.
   *
   * @return now
   */
  Instant now();

  /**
   * Waits for the given duration.
   *
   * @param duration how long
   * @throws InterruptedException when interrupted
   */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * Waits on a condition for at most the given time, as {@link Condition#awaitNanos(long)}: the
   * caller holds the condition's lock, which is released while waiting.
   *
   * <p>The default waits on the condition; a test source may instead advance its time by {@code
   * nanos} and return at once, so that a wait for a known moment costs no real time.
   *
   * @param condition the condition to wait on
   * @param nanos the longest wait
   * @throws InterruptedException when interrupted
   */
  default void await(Condition condition, long nanos) throws InterruptedException {
    condition.awaitNanos(nanos);
  }

  /**
   * Returns a uniformly distributed number in [0, 1), for backoff jitter.
   *
   * @return the number
   */
  double random();
}
