package dev.sumoclient.users;

import org.jspecify.annotations.Nullable;

/**
 * A failure detected on the client side: invalid input or configuration, a timeout, an I/O error.
 *
 * <p>When the cause is a network problem it is kept as {@link #getCause()}.
 */
public class SumoClientException extends SumoException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong
   * @param cause the underlying failure, if any
   */
  public SumoClientException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }

  /**
   * Creates the exception without a cause.
   *
   * @param message what went wrong
   */
  public SumoClientException(String message) {
    super(message, null);
  }
}
