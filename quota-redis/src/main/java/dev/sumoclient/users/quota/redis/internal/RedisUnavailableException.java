package dev.sumoclient.users.quota.redis.internal;

/**
 * Redis did not answer a command in time, refused it, or failed it: the coordinator falls back.
 *
 * <p>The message names the command and what happened, never the URL's credentials.
 */
public final class RedisUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  RedisUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
