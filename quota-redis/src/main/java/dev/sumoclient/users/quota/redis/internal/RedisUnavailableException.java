package dev.sumoclient.users.quota.redis.internal;

/**
 * Redis did not answer a command in time, refused it, or failed it: the coordinator falls back.
 *
 * <p>The message names the command and what happened, never the URL's credentials.
 */
public final class RedisUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean timedOut;

  RedisUnavailableException(String message, Throwable cause, boolean timedOut) {
    super(message, cause);
    this.timedOut = timedOut;
  }

  /**
   * Tells whether Redis merely did not answer within the time allowed, rather than failing.
   *
   * @return true for a timeout
   */
  public boolean timedOut() {
    return timedOut;
  }
}
