package dev.sumoclient.users;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Sumo Logic refused the request because a rate or concurrency limit was exceeded (HTTP 429).
 *
 * <p>The request was not processed; {@link #retryAfter()} holds the advised wait when one was
 * given.
 */
public class SumoThrottledException extends SumoServiceException {
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
  public SumoThrottledException(
      String operation,
      int status,
      @Nullable String errorId,
      List<ErrorDetail> errors,
      @Nullable Duration retryAfter,
      @Nullable String bodySnippet) {
    super(operation, status, errorId, errors, retryAfter, bodySnippet);
  }
}
