package dev.sumoclient.users;

import org.jspecify.annotations.Nullable;

/**
 * A call ran out of time: a connect or read timeout, or the overall call deadline.
 *
 * <p>Time spent waiting for quota and between retries counts against the deadline.
 */
public class SumoTimeoutException extends SumoClientException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which limit was hit
   * @param cause the underlying failure, if any
   */
  public SumoTimeoutException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
