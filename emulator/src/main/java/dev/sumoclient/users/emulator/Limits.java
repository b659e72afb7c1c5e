package dev.sumoclient.users.emulator;

import dev.sumoclient.users.emulator.internal.Quotas;
import java.util.Map;

/**
 * Sumo Logic's API quotas, switchable while the emulator runs.
 *
 * <p>When on, counted as Sumo Logic counts: a user (the {@linkplain AccessKey#ownerId() owner} of
 * the access key, across all of the owner's keys) gets {@link #requestsPerSecond()} requests in any
 * one-second window (Sumo: 4), stamped when they arrive, and each access key {@link #maxInFlight()}
 * requests at once (Sumo: 10); beyond either the answer is 429 {@code rate.limit.exceeded}, with
 * {@code Retry-After} in whole seconds if {@link #retryAfter(boolean)} is on. Rejected requests do
 * not count against the window. Off by default, so that test suites run at full speed. Every setter
 * returns this object, for chaining.
 *
 * <p>Whether on or off, the emulator keeps what a benchmark of a client needs: the {@linkplain
 * #highestInFlight() highest number of requests each key had in flight} and how many requests were
 * {@linkplain #throttled() refused with 429} for a quota.
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
   * Sets how many requests a user may make in any one second, across all of the user's access keys
   * (at least 1).
   *
   * @param requests the requests allowed per owner in any one-second window; Sumo allows 4
   * @return this object, for chaining
   * @throws IllegalArgumentException if {@code requests} is less than 1
   */
  public Limits requestsPerSecond(int requests) {
    quotas.requestsPerSecond(requests);
    return this;
  }

  /**
   * How many requests a user may make in any one second, across all of the user's access keys.
   *
   * @return the requests allowed per owner in any one-second window
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

  /**
   * The most requests each access key had in flight at once since start, the last {@link
   * SumoEmulator#reset()} or {@link #resetStatistics()}.
   *
   * <p>Requests refused for the in-flight limit are counted as they arrive, so the figure exceeds
   * {@link #maxInFlight()} exactly when a client sent more at once than allowed.
   *
   * @return the highest count by access id, for keys that made a request; ids sorted
   */
  public Map<String, Integer> highestInFlight() {
    return quotas.highestInFlight();
  }

  /**
   * How many requests were refused with 429 for a quota (rate or in flight), since start, the last
   * {@link SumoEmulator#reset()} or {@link #resetStatistics()}; injected failures do not count.
   *
   * @return the number of quota 429s
   */
  public long throttled() {
    return quotas.refusedForRate() + quotas.refusedForInFlight();
  }

  /**
   * How many requests were refused with 429 because their owner's one-second window was full.
   *
   * @return the number of rate 429s
   */
  public long throttledForRate() {
    return quotas.refusedForRate();
  }

  /**
   * How many requests were refused with 429 because their key had too many in flight.
   *
   * @return the number of in-flight 429s
   */
  public long throttledForInFlight() {
    return quotas.refusedForInFlight();
  }

  /**
   * Starts {@link #highestInFlight()} and the 429 counts afresh, for example after a warm-up.
   *
   * @return this object, for chaining
   */
  public Limits resetStatistics() {
    quotas.resetStatistics();
    return this;
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
