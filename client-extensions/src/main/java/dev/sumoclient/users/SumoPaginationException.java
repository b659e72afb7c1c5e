package dev.sumoclient.users;

/**
 * Listing stopped because the server broke the paging contract, for example by repeating a token.
 *
 * <p>Continuing would loop forever, so the paginator gives up instead.
 */
public class SumoPaginationException extends SumoClientException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what the server did wrong
   */
  public SumoPaginationException(String message) {
    super(message);
  }
}
