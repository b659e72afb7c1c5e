package dev.sumoclient.users;

import dev.sumoclient.users.internal.Durations;
import java.time.Duration;

/**
 * How often and how patiently failed calls are retried.
 *
 * <p>The default retries up to 3 times with exponential backoff and full jitter (a random wait
 * between zero and {@code min(maxDelay, baseDelay * 2^retry)}), and waits exactly as long as a
 * {@code Retry-After} header asks. What is retried never depends on the policy: 429 for every
 * operation (the server did not process it); 502, 503, 504 and connection failures only for
 * operations safe to repeat (list, get, update, delete, unlock, disable MFA). {@code createUser},
 * {@code resetPassword} and {@code requestChangeEmail} are never sent again once they may have been
 * processed. Every wait counts against the call deadline.
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULTS = builder().build();

  private final int maxRetries;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final boolean honorRetryAfter;

  private RetryPolicy(Builder builder) {
    this.maxRetries = builder.maxRetries;
    this.baseDelay = builder.baseDelay;
    this.maxDelay = builder.maxDelay;
    this.honorRetryAfter = builder.honorRetryAfter;
  }

  /**
   * Returns the default policy: 3 retries, 200 ms base delay, 20 s cap, {@code Retry-After}
   * honoured.
   *
   * @return the default policy
   */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a policy that never retries.
   *
   * @return the policy
   */
  public static RetryPolicy none() {
    return builder().maxRetries(0).build();
  }

  /**
   * Returns a builder starting from the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns how many times a call is retried after its first attempt.
   *
   * @return the retry count, zero for none
   */
  public int maxRetries() {
    return maxRetries;
  }

  /**
   * Returns the backoff before the first retry, doubled for each further retry.
   *
   * @return the base delay
   */
  public Duration baseDelay() {
    return baseDelay;
  }

  /**
   * Returns the cap on the computed backoff (a server's {@code Retry-After} is not capped).
   *
   * @return the cap
   */
  public Duration maxDelay() {
    return maxDelay;
  }

  /**
   * Returns whether a {@code Retry-After} header replaces the computed backoff.
   *
   * @return true when honoured
   */
  public boolean honorRetryAfter() {
    return honorRetryAfter;
  }

  /**
   * Returns the backoff before a retry, given a random number, with full jitter.
   *
   * @param retry 1 for the first retry, 2 for the second...
   * @param random a uniformly distributed number in [0, 1)
   * @return a wait between zero and {@code min(maxDelay, baseDelay * 2^(retry-1))}
   */
  public Duration backoff(int retry, double random) {
    long base = Durations.saturatedNanos(baseDelay);
    int shift = Math.min(Math.max(retry - 1, 0), 30);
    long ceiling = base > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : base << shift;
    ceiling = Math.min(ceiling, Durations.saturatedNanos(maxDelay));
    return Duration.ofNanos((long) (ceiling * Math.min(Math.max(random, 0.0), 1.0)));
  }

  /** Returns a description of the policy. */
  @Override
  public String toString() {
    return "RetryPolicy[maxRetries="
        + maxRetries
        + ", baseDelay="
        + baseDelay
        + ", maxDelay="
        + maxDelay
        + ", honorRetryAfter="
        + honorRetryAfter
        + "]";
  }

  /** Builds a {@link RetryPolicy}. */
  public static final class Builder {
    private int maxRetries = 3;
    private Duration baseDelay = Duration.ofMillis(200);
    private Duration maxDelay = Duration.ofSeconds(20);
    private boolean honorRetryAfter = true;

    private Builder() {}

    /**
     * Sets how many times a call is retried after its first attempt.
     *
     * @param maxRetries zero or more
     * @return this builder
     * @throws SumoValidationException if negative
     */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) {
        throw new SumoValidationException("maxRetries", "must be greater than or equal to 0");
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * Sets the backoff before the first retry.
     *
     * @param baseDelay a positive duration
     * @return this builder
     * @throws SumoValidationException if zero or negative
     */
    public Builder baseDelay(Duration baseDelay) {
      if (baseDelay.isNegative() || baseDelay.isZero()) {
        throw new SumoValidationException("baseDelay", "must be positive");
      }
      this.baseDelay = baseDelay;
      return this;
    }

    /**
     * Sets the cap on the computed backoff.
     *
     * @param maxDelay a positive duration
     * @return this builder
     * @throws SumoValidationException if zero or negative
     */
    public Builder maxDelay(Duration maxDelay) {
      if (maxDelay.isNegative() || maxDelay.isZero()) {
        throw new SumoValidationException("maxDelay", "must be positive");
      }
      this.maxDelay = maxDelay;
      return this;
    }

    /**
     * Sets whether a {@code Retry-After} header replaces the computed backoff.
     *
     * @param honorRetryAfter true to honour the server's advice
     * @return this builder
     */
    public Builder honorRetryAfter(boolean honorRetryAfter) {
      this.honorRetryAfter = honorRetryAfter;
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     */
    public RetryPolicy build() {
      return new RetryPolicy(this);
    }
  }
}
