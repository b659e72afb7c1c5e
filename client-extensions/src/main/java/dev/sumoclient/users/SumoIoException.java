package dev.sumoclient.users;

import java.io.IOException;

/**
 * A network failure talking to Sumo Logic (connection refused, reset, TLS failure...).
 *
 * <p>The original {@link IOException} is the cause.
 */
public class SumoIoException extends SumoClientException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what the client was doing
   * @param cause the I/O failure
   */
  public SumoIoException(String message, IOException cause) {
    super(message, cause);
  }
}
