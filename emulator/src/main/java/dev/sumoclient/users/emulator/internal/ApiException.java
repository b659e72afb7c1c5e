package dev.sumoclient.users.emulator.internal;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A failed API request, carried to the transport, which writes Sumo's error body. */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** One entry of the error body's {@code errors} array. */
  public record Problem(ErrorCode code, String message, Map<String, String> meta) {
    /** Copies the meta map. */
    public Problem {
      meta = Map.copyOf(meta);
    }
  }

  private final int status;
  private final transient List<Problem> problems;
  private @Nullable String allow;

  ApiException(int status, List<Problem> problems) {
    super(problems.isEmpty() ? "error" : problems.get(0).code().code(), null, false, false);
    this.status = status;
    this.problems = List.copyOf(problems);
  }

  /** A failure with the code's own status and message. */
  public static ApiException of(ErrorCode code) {
    return new ApiException(code.status(), List.of(new Problem(code, code.message(), Map.of())));
  }

  /** A failure with the code's own status and a specific message. */
  public static ApiException of(ErrorCode code, String message) {
    return new ApiException(code.status(), List.of(new Problem(code, message, Map.of())));
  }

  /** A failure naming the offending field or parameter in {@code meta.field}. */
  public static ApiException forField(ErrorCode code, String field, String message) {
    return new ApiException(
        code.status(), List.of(new Problem(code, message, Map.of("field", field))));
  }

  /** A 400 listing several field problems at once. */
  public static ApiException ofProblems(List<Problem> problems) {
    return new ApiException(400, problems);
  }

  /** A failure with a chosen status, as injected by faults. */
  public static ApiException withStatus(int status, ErrorCode code) {
    return new ApiException(status, List.of(new Problem(code, code.message(), Map.of())));
  }

  /** Adds the methods a 405 names in its {@code Allow} header. */
  ApiException withAllow(String methods) {
    this.allow = methods;
    return this;
  }

  @Nullable String allow() {
    return allow;
  }

  /** The HTTP status to answer. */
  public int status() {
    return status;
  }

  /** The entries of the error body's {@code errors} array. */
  public List<Problem> problems() {
    return problems;
  }
}
