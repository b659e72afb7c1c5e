package dev.sumoclient.users.emulator;

import java.time.Instant;

/**
 * A {@code resetPassword} call the emulator accepted.
 *
 * @param userId the user whose password is reset
 * @param email the address the reset mail would go to
 * @param requestedBy the owner id of the access key that asked
 * @param at when it was asked
 */
public record PasswordReset(String userId, String email, String requestedBy, Instant at) {}
