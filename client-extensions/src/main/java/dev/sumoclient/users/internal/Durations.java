package dev.sumoclient.users.internal;

import java.time.Duration;

/**
 * Durations as {@code nanoTime} arithmetic, without the overflow {@link Duration#toNanos()} throws
 * beyond about 292 years; shared by the retry policy and the quota coordinators, which accept any
 * {@code Duration} a caller passes.
 */
public final class Durations {
  /**
   * The longest wait a deadline is computed for: longer than anyone waits, yet short enough that
   * {@code nanoTime() + FOREVER} never overflows.
   */
  static final long FOREVER_NANOS = Long.MAX_VALUE / 4;

  private Durations() {}

  /**
   * Returns the nanoseconds of a duration, {@link Long#MAX_VALUE} (or {@link Long#MIN_VALUE}) where
   * a long cannot hold them.
   *
   * @param duration any duration
   * @return its nanoseconds, saturated
   */
  public static long saturatedNanos(Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException e) {
      return duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  /**
   * Returns the {@code nanoTime} by which a wait that starts now ends.
   *
   * @param nowNanos the current {@code nanoTime}
   * @param wait the longest wait; a negative one counts as zero, an endless one as {@link
   *     #FOREVER_NANOS}
   * @return the deadline
   */
  public static long deadline(long nowNanos, Duration wait) {
    return nowNanos + Math.min(Math.max(saturatedNanos(wait), 0), FOREVER_NANOS);
  }
}
