package dev.sumoclient.users;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Sumo Logic rejected the request as malformed or invalid (HTTP 400).
 *
 * <p>The {@link #errors()} say which field the server objected to.
 */
public class SumoBadRequestException extends SumoServiceException {
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
  public SumoBadRequestException(
      String operation,
      int status,
      @Nullable String errorId,
      List<ErrorDetail> errors,
      @Nullable Duration retryAfter,
      @Nullable String bodySnippet) {
    super(operation, status, errorId, errors, retryAfter, bodySnippet);
  }
}
