package dev.sumoclient.users;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The client-side limits that keep a process within Sumo Logic's API quotas.
 *
 * <p>Sumo allows 4 requests per second per user and 10 concurrent requests per access key. Every
 * client in the JVM that uses the same access id (and the same quotas) shares one limiter, so many
 * clients together still stay within the limits. Waiting for a slot counts against the call
 * deadline.
 */
public final class Quotas {
  private static final Quotas SUMO_DEFAULTS = new Quotas(4, Duration.ofSeconds(1), 10);

  private final int requests;
  private final Duration per;
  private final int maxConcurrent;

  private Quotas(int requests, Duration per, int maxConcurrent) {
    this.requests = requests;
    this.per = per;
    this.maxConcurrent = maxConcurrent;
  }

  /**
   * Returns Sumo Logic's published quotas: 4 requests per second, 10 concurrent.
   *
   * @return the default quotas
   */
  public static Quotas sumoDefaults() {
    return SUMO_DEFAULTS;
  }

  /**
   * Returns custom quotas, for accounts with other limits or for tests.
   *
   * @param requests how many requests may start within any window of length {@code per}
   * @param per the window length
   * @param maxConcurrent how many requests may be in flight at once
   * @return the quotas
   * @throws SumoValidationException if a number is not positive
   */
  public static Quotas of(int requests, Duration per, int maxConcurrent) {
    if (requests < 1) {
      throw new SumoValidationException("requests", "must be greater than or equal to 1");
    }
    if (per.isNegative() || per.isZero()) {
      throw new SumoValidationException("per", "must be positive");
    }
    if (maxConcurrent < 1) {
      throw new SumoValidationException("maxConcurrent", "must be greater than or equal to 1");
    }
    return new Quotas(requests, per, maxConcurrent);
  }

  /**
   * Returns how many requests may start within one window.
   *
   * @return the request count
   */
  public int requests() {
    return requests;
  }

  /**
   * Returns the window length.
   *
   * @return the window
   */
  public Duration per() {
    return per;
  }

  /**
   * Returns how many requests may be in flight at once.
   *
   * @return the concurrency limit
   */
  public int maxConcurrent() {
    return maxConcurrent;
  }

  /** Returns true for quotas with the same numbers. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Quotas q
        && q.requests == requests
        && q.per.equals(per)
        && q.maxConcurrent == maxConcurrent;
  }

  /** Returns a hash of the numbers. */
  @Override
  public int hashCode() {
    return (requests * 31 + per.hashCode()) * 31 + maxConcurrent;
  }

  /** Returns a description of the quotas. */
  @Override
  public String toString() {
    return "Quotas[" + requests + " per " + per + ", " + maxConcurrent + " concurrent]";
  }
}
