package dev.sumoclient.users.emulator.internal;

/**
 * Every failure the emulator can answer, each with a stable status and code.
 *
 * <p>The table in the module's README lists the same codes; a test keeps the two in step.
 */
public enum ErrorCode {
  /** Missing, malformed or unknown credentials. */
  UNAUTHORIZED(401, "unauthorized", "Credential could not be verified."),
  /** A quota is exceeded, or an injected 429. */
  RATE_LIMIT_EXCEEDED(429, "rate.limit.exceeded", "Rate limit exceeded."),
  /** Wrong-deployment mode is on; Location names the other deployment. */
  WRONG_DEPLOYMENT(
      301,
      "api:wrong_deployment",
      "This organization is served by another deployment; repeat the request at the Location."),
  /**
   * What is not valid HTTP, refused before any route runs: a malformed percent-escape in the path,
   * a malformed request line, headers too large (then 431). The message names what was wrong.
   */
  BAD_REQUEST(
      400,
      "api:bad_request",
      "The request is not valid HTTP: a malformed request line, target (such as a bad"
          + " percent-escape) or header."),
  /** No route at this path. */
  NOT_FOUND(404, "api:not_found", "No resource at this path."),
  /** The path exists but not with this method (Allow lists the methods). */
  METHOD_NOT_ALLOWED(405, "api:method_not_allowed", "This path does not accept this method."),
  /** A body whose Content-Type is not JSON. */
  UNSUPPORTED_MEDIA_TYPE(
      415, "api:unsupported_media_type", "The request body must be application/json."),
  /** A request body longer than the emulator reads (64 KiB); it is answered unread. */
  PAYLOAD_TOO_LARGE(413, "api:payload_too_large", "The request body is longer than 65536 bytes."),
  /** A body is required and absent. */
  MISSING_BODY(400, "api:missing_body", "This operation needs a JSON request body."),
  /** The body is not a JSON object. */
  INVALID_JSON(400, "api:invalid_json", "The request body is not a JSON object."),
  /** limit is not an integer from 1 to 1000. */
  INVALID_LIMIT(400, "api:invalid_limit", "limit must be an integer from 1 to 1000."),
  /** sortBy is not [-]firstName, [-]lastName or [-]email. */
  INVALID_SORT(
      400,
      "api:invalid_sort",
      "sortBy must be firstName, lastName or email, optionally preceded by '-'."),
  /** token is not one of this listing's tokens. */
  INVALID_TOKEN(400, "api:invalid_token", "token is not a continuation token of this listing."),
  /** Empty email filter or transferTo, deleteContent not a boolean, malformed query escape. */
  INVALID_PARAMETER(400, "api:invalid_parameter", "A query parameter has an invalid value."),
  /** A required body field is missing or null. */
  FIELD_REQUIRED(400, "field:required", "A required field is missing or null."),
  /** A body field has the wrong JSON type. */
  FIELD_WRONG_TYPE(400, "field:wrong_type", "A field has the wrong JSON type."),
  /** A string is shorter than its minLength (firstName). */
  FIELD_TOO_SHORT(400, "field:too_short", "A field is shorter than allowed."),
  /** A string is longer than its maxLength (128 for names, 255 for emails). */
  FIELD_TOO_LONG(400, "field:too_long", "A field is longer than allowed."),
  /** An email field is not an email address. */
  FIELD_INVALID_EMAIL(400, "field:invalid_email", "A field is not a valid email address."),
  /** No user has this id. */
  USER_NOT_FOUND(404, "user:not_found", "No user has this id."),
  /** Another user has this email (create, requestChangeEmail). */
  EMAIL_TAKEN(400, "user:email_taken", "Another user already has this email address."),
  /** requestChangeEmail to the user's current address. */
  EMAIL_UNCHANGED(400, "user:email_unchanged", "The user already has this email address."),
  /** transferTo names no existing user. */
  TRANSFER_TARGET_NOT_FOUND(
      400, "user:transfer_target_not_found", "transferTo names no existing user."),
  /** transferTo names the user being deleted. */
  TRANSFER_TO_SELF(
      400, "user:transfer_to_self", "transferTo must name a user other than the one deleted."),
  /** Both transferTo and deleteContent=true. */
  CONFLICTING_DELETE_OPTIONS(
      400, "user:conflicting_delete_options", "Give transferTo or deleteContent=true, not both."),
  /** disableMfa with another address than the user's. */
  MFA_EMAIL_MISMATCH(400, "user:mfa_email_mismatch", "email is not this user's email address."),
  /** disableMfa with an empty password. */
  MFA_PASSWORD_REQUIRED(400, "user:mfa_password_required", "password must not be empty."),
  /** An injected 500 (or an emulator bug: the concurrency test asserts none). */
  INTERNAL_ERROR(500, "internal.error", "Internal server error."),
  /** Injected 502. */
  BAD_GATEWAY(502, "bad.gateway", "Bad gateway."),
  /** Injected 503. */
  SERVICE_UNAVAILABLE(503, "service.unavailable", "Service temporarily unavailable."),
  /** Injected 504. */
  GATEWAY_TIMEOUT(504, "gateway.timeout", "Gateway timeout."),
  /** An injected failure with any other status. */
  INJECTED_FAULT(0, "emulator:injected_fault", "A failure injected by the emulator's faults.");

  private final int status;
  private final String code;
  private final String message;

  ErrorCode(int status, String code, String message) {
    this.status = status;
    this.code = code;
    this.message = message;
  }

  /** The HTTP status, or 0 for {@link #INJECTED_FAULT}, whose status is chosen by the test. */
  public int status() {
    return status;
  }

  /** The stable machine-readable code in {@code errors[].code}. */
  public String code() {
    return code;
  }

  /** The default English explanation in {@code errors[].message}. */
  public String message() {
    return message;
  }

  /** The code Sumo Logic would give an injected failure with this status. */
  public static ErrorCode forInjectedStatus(int status) {
    return switch (status) {
      case 429 -> RATE_LIMIT_EXCEEDED;
      case 500 -> INTERNAL_ERROR;
      case 502 -> BAD_GATEWAY;
      case 503 -> SERVICE_UNAVAILABLE;
      case 504 -> GATEWAY_TIMEOUT;
      default -> INJECTED_FAULT;
    };
  }
}
