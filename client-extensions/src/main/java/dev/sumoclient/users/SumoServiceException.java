package dev.sumoclient.users;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Sumo Logic answered with an error status.
 *
 * <p>Carries the HTTP status, Sumo's error {@code id}, every {@code {code, message, detail}} from
 * the body, the operation that failed and, when the server advised one, how long to wait. A body
 * that is not Sumo's error JSON is kept as a truncated snippet.
 */
public class SumoServiceException extends SumoException {
  private static final long serialVersionUID = 1L;

  /**
   * One entry of the {@code errors} array of a Sumo error response.
   *
   * @param code Sumo's machine-readable code, such as {@code user:not_found}
   * @param message the human-readable message
   * @param detail more detail, if the server gave any
   */
  public record ErrorDetail(String code, String message, @Nullable String detail) {}

  private final String operation;
  private final int status;
  private final @Nullable String errorId;
  private final List<ErrorDetail> errors;
  private final @Nullable Duration retryAfter;
  private final @Nullable String bodySnippet;

  /**
   * Creates the exception from a decoded error response.
   *
   * @param operation the operation id, such as {@code createUser}
   * @param status the HTTP status
   * @param errorId Sumo's error id, if the body had one
   * @param errors every error entry of the body
   * @param retryAfter the wait the server advised, if any
   * @param bodySnippet the start of a body that was not Sumo's error JSON
   */
  public SumoServiceException(
      String operation,
      int status,
      @Nullable String errorId,
      List<ErrorDetail> errors,
      @Nullable Duration retryAfter,
      @Nullable String bodySnippet) {
    this(operation, status, errorId, errors, retryAfter, bodySnippet, "");
  }

  /**
   * Creates the exception with extra text appended to the standard message.
   *
   * @param operation the operation id
   * @param status the HTTP status
   * @param errorId Sumo's error id, if any
   * @param errors every error entry of the body
   * @param retryAfter the wait the server advised, if any
   * @param bodySnippet the start of a body that was not Sumo's error JSON
   * @param extra text appended to the message
   */
  protected SumoServiceException(
      String operation,
      int status,
      @Nullable String errorId,
      List<ErrorDetail> errors,
      @Nullable Duration retryAfter,
      @Nullable String bodySnippet,
      String extra) {
    super(message(operation, status, errorId, errors, bodySnippet) + extra, null);
    this.operation = operation;
    this.status = status;
    this.errorId = errorId;
    this.errors = List.copyOf(errors);
    this.retryAfter = retryAfter;
    this.bodySnippet = bodySnippet;
  }

  private static String message(
      String operation,
      int status,
      @Nullable String errorId,
      List<ErrorDetail> errors,
      @Nullable String bodySnippet) {
    StringBuilder sb = new StringBuilder(operation).append(" failed: HTTP ").append(status);
    if (errorId != null) {
      sb.append(" (error id ").append(errorId).append(')');
    }
    if (!errors.isEmpty()) {
      sb.append(": ")
          .append(
              errors.stream()
                  .map(
                      e ->
                          e.code()
                              + " - "
                              + e.message()
                              + (e.detail() == null ? "" : " (" + e.detail() + ")"))
                  .collect(Collectors.joining("; ")));
    } else if (bodySnippet != null && !bodySnippet.isEmpty()) {
      sb.append(": unexpected body: ").append(bodySnippet);
    }
    return sb.toString();
  }

  /**
   * Returns the operation that failed.
   *
   * @return the operation id, such as {@code getUser}
   */
  public String operation() {
    return operation;
  }

  /**
   * Returns the HTTP status of the response.
   *
   * @return the status code
   */
  public int status() {
    return status;
  }

  /**
   * Returns Sumo's error id, useful when talking to Sumo Logic support.
   *
   * @return the id, or empty when the body had none
   */
  public Optional<String> errorId() {
    return Optional.ofNullable(errorId);
  }

  /**
   * Returns every error entry of the response body.
   *
   * @return the entries, possibly empty
   */
  public List<ErrorDetail> errors() {
    return errors;
  }

  /**
   * Returns how long the server asked the client to wait before trying again.
   *
   * @return the advised wait, or empty when the server gave none
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /**
   * Returns the start of a response body that was not Sumo's error JSON.
   *
   * @return the truncated body, or empty when the body was Sumo's error JSON or absent
   */
  public Optional<String> bodySnippet() {
    return Optional.ofNullable(bodySnippet);
  }
}
