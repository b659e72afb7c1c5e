package dev.sumoclient.users.emulator;

import java.time.Instant;

/**
 * A {@code requestChangeEmail} call the emulator accepted, and what became of it.
 *
 * @param userId the user whose address is to change
 * @param fromEmail the address when the change was requested
 * @param toEmail the requested address
 * @param requestedBy the owner id of the access key that asked
 * @param requestedAt when it was asked
 * @param status whether it is pending, confirmed or replaced by a later request
 */
public record EmailChange(
    String userId,
    String fromEmail,
    String toEmail,
    String requestedBy,
    Instant requestedAt,
    Status status) {

  /** What became of an email change request. */
  public enum Status {
    /** Waiting for the user to follow the link; see {@link SumoEmulator#confirmEmailChange}. */
    PENDING,
    /** The user confirmed it: the address has changed. */
    CONFIRMED,
    /** A later request for the same user replaced it before it was confirmed. */
    SUPERSEDED
  }
}
