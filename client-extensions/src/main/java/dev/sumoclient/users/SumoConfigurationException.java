package dev.sumoclient.users;

/**
 * The client cannot be built or used as configured, for example because no credentials were found.
 *
 * <p>The message names every place that was looked at.
 */
public class SumoConfigurationException extends SumoClientException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is missing or wrong, and where it was looked for
   */
  public SumoConfigurationException(String message) {
    super(message);
  }
}
