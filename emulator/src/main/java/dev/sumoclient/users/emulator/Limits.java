package dev.sumoclient.users.emulator;

import dev.sumoclient.users.emulator.internal.Quotas;

/**
 * Sumo Logic's API quotas, switchable while the emulator runs.
 *
 * <p>When on, an access id gets {@link #requestsPerSecond()} requests in any one-second window
 * (Sumo: 4) and {@link #maxInFlight()} requests at once (Sumo: 10); beyond either the answer is 429
 * {@code rate.limit.exceeded}, with {@code Retry-After} in whole seconds if {@link
 * #retryAfter(boolean)} is on. Rejected requests do not count against the window. Off by default,
 * so that test suites run at full speed. Every setter returns this object, for chaining.
 */
public final class Limits {
  private final Quotas quotas;

  Limits(Quotas quotas) {
    this.quotas = quotas;
  }

  /**
   * Switches the quotas on or off; switching starts the counts afresh.
   *
   * @param on true to enforce the quotas, false to let every request through
   * @return this object, for chaining
   */
  public Limits enabled(boolean on) {
    quotas.enabled(on);
    return this;
  }

  /**
   * Whether the quotas are enforced now.
   *
   * @return true if requests beyond a quota are answered with 429
   */
  public boolean enabled() {
    return quotas.enabled();
  }

  /**
   * Sets how many requests an access id may make in any one second (at least 1).
   *
   * @param requests the requests allowed per access id in any one-second window; Sumo allows 4
   * @return this object, for chaining
   * @throws IllegalArgumentException if {@code requests} is less than 1
   */
  public Limits requestsPerSecond(int requests) {
    quotas.requestsPerSecond(requests);
    return this;
  }

  /**
   * How many requests an access id may make in any one second.
   *
   * @return the requests allowed per access id in any one-second window
   */
  public int requestsPerSecond() {
    return quotas.requestsPerSecond();
  }

  /**
   * Sets how many requests an access key may have in flight at once (at least 1).
   *
   * @param requests the concurrent requests allowed per access key; Sumo allows 10
   * @return this object, for chaining
   * @throws IllegalArgumentException if {@code requests} is less than 1
   */
  public Limits maxInFlight(int requests) {
    quotas.maxInFlight(requests);
    return this;
  }

  /**
   * How many requests an access key may have in flight at once.
   *
   * @return the concurrent requests allowed per access key
   */
  public int maxInFlight() {
    return quotas.maxInFlight();
  }

  /**
   * Chooses whether a quota's 429 carries {@code Retry-After}; Sumo Logic's does not always.
   *
   * @param send true to send {@code Retry-After} in whole seconds, false to leave it out so that
   *     clients must fall back on their own backoff
   * @return this object, for chaining
   */
  public Limits retryAfter(boolean send) {
    quotas.retryAfter(send);
    return this;
  }

  /**
   * Whether a quota's 429 carries {@code Retry-After}.
   *
   * @return true if the header is sent
   */
  public boolean retryAfter() {
    return quotas.retryAfter();
  }

  @Override
  public String toString() {
    return "Limits[enabled="
        + enabled()
        + ", requestsPerSecond="
        + requestsPerSecond()
        + ", maxInFlight="
        + maxInFlight()
        + ", retryAfter="
        + retryAfter()
        + "]";
  }
}
