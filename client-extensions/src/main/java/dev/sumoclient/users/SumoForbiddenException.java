package dev.sumoclient.users;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The credentials are valid but lack a capability the operation needs (HTTP 403).
 *
 * <p>User management needs the Manage Users and Roles capability.
 */
public class SumoForbiddenException extends SumoServiceException {
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
  public SumoForbiddenException(
      String operation,
      int status,
      @Nullable String errorId,
      List<ErrorDetail> errors,
      @Nullable Duration retryAfter,
      @Nullable String bodySnippet) {
    super(operation, status, errorId, errors, retryAfter, bodySnippet);
  }
}
