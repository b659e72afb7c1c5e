package dev.sumoclient.users;

import org.jspecify.annotations.Nullable;

/**
 * The root of every exception this client throws; unchecked.
 *
 * <p>Catch {@link SumoClientException} for problems found on this side of the wire (bad input,
 * configuration, timeouts, I/O) and {@link SumoServiceException} for answers from Sumo Logic.
 */
public abstract class SumoException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with a message that never contains secrets.
   *
   * @param message what went wrong
   * @param cause the underlying failure, if any
   */
  protected SumoException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
