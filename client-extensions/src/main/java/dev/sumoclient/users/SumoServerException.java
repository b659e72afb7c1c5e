package dev.sumoclient.users;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Sumo Logic failed to answer the request (HTTP 5xx).
 *
 * <p>Whether the request took effect is unknown, so it is retried only for operations safe to
 * repeat.
 */
public class SumoServerException extends SumoServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception from a decoded error response.
   *
   * @param operation the operation id
   * @param status the HTTP status
   * @param errorId Sumo's error id, if any
   * @param errors every error entry of the body
   * @param retryAfter the wait the server advised, if any
   * @param bodySnippet the start of a body that was not Sumo's error JSON
   */
  public SumoServerException(
      String operation,
      int status,
      @Nullable String errorId,
      List<ErrorDetail> errors,
      @Nullable Duration retryAfter,
      @Nullable String bodySnippet) {
    super(operation, status, errorId, errors, retryAfter, bodySnippet);
  }
}
