package dev.sumoclient.users.internal;

/**
 * The nine API operations, with what decides whether a failed attempt may be sent again.
 *
 * <p>{@code unlockUser} is a POST but unlocking twice has the same effect as once, so it is treated
 * as safe to repeat; creating a user, resetting a password or requesting an email change is not.
 */
public enum Operation {
  /** GET /v1/users. */
  LIST_USERS("listUsers", "GET", true),
  /** GET /v1/users/{id}. */
  GET_USER("getUser", "GET", true),
  /** POST /v1/users. */
  CREATE_USER("createUser", "POST", false),
  /** PUT /v1/users/{id}. */
  UPDATE_USER("updateUser", "PUT", true),
  /** DELETE /v1/users/{id}. */
  DELETE_USER("deleteUser", "DELETE", true),
  /** POST /v1/users/{id}/email/requestChange. */
  REQUEST_CHANGE_EMAIL("requestChangeEmail", "POST", false),
  /** POST /v1/users/{id}/password/reset. */
  RESET_PASSWORD("resetPassword", "POST", false),
  /** POST /v1/users/{id}/unlock. */
  UNLOCK_USER("unlockUser", "POST", true),
  /** PUT /v1/users/{id}/mfa/disable. */
  DISABLE_MFA("disableMfa", "PUT", true);

  private final String operationId;
  private final String method;
  private final boolean safeToRepeat;

  Operation(String operationId, String method, boolean safeToRepeat) {
    this.operationId = operationId;
    this.method = method;
    this.safeToRepeat = safeToRepeat;
  }

  /**
   * Returns the operation id of the API description.
   *
   * @return the id, such as {@code createUser}
   */
  public String operationId() {
    return operationId;
  }

  /**
   * Returns the HTTP method.
   *
   * @return the method
   */
  public String method() {
    return method;
  }

  /**
   * Returns whether a 404 answering a retry means an earlier attempt already did the work.
   *
   * <p>True for {@code deleteUser} only: when an attempt that may have reached the server (its
   * answer was lost to a timeout, a broken connection or a gateway error) is retried and the retry
   * finds no such user, the delete happened, and the caller is told it succeeded, as AWS SDK v2
   * callers expect of an idempotent delete. {@code disableMfa} is not one of these: Sumo answers a
   * repeated disable with success, so a 404 there means the user does not exist.
   *
   * @return true when a 404 on a retry reports success
   */
  public boolean notFoundOnRetryMeansDone() {
    return this == DELETE_USER;
  }

  /**
   * Returns whether sending the request twice has the same effect as once.
   *
   * @return true for operations retried after 5xx and connection failures
   */
  public boolean safeToRepeat() {
    return safeToRepeat;
  }
}
