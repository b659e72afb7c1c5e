package dev.sumoclient.users.emulator;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A user as the emulator stores it: an immutable snapshot.
 *
 * @param id server-assigned id (16 hex digits for users the emulator creates)
 * @param firstName given name
 * @param lastName family name, may be empty
 * @param email the unique sign-in address
 * @param roleIds ids of the roles the user holds
 * @param active false once the user is deactivated
 * @param locked true while the account is locked
 * @param mfaEnabled true when the user signs in with a second factor
 * @param lastLoginTimestamp when the user last signed in, or null if never
 * @param createdAt creation time
 * @param createdBy id of the creator
 * @param modifiedAt time of the last change
 * @param modifiedBy id of whoever made the last change
 */
public record EmulatedUser(
    String id,
    String firstName,
    String lastName,
    String email,
    List<String> roleIds,
    boolean active,
    boolean locked,
    boolean mfaEnabled,
    @Nullable Instant lastLoginTimestamp,
    Instant createdAt,
    String createdBy,
    Instant modifiedAt,
    String modifiedBy) {

  /**
   * Copies the role ids so that the snapshot stays immutable.
   *
   * @param id server-assigned id (16 hex digits for users the emulator creates)
   * @param firstName given name
   * @param lastName family name, may be empty
   * @param email the unique sign-in address
   * @param roleIds ids of the roles the user holds; copied, so later changes to the list do not
   *     show
   * @param active false once the user is deactivated
   * @param locked true while the account is locked
   * @param mfaEnabled true when the user signs in with a second factor
   * @param lastLoginTimestamp when the user last signed in, or null if never
   * @param createdAt creation time
   * @param createdBy id of the creator
   * @param modifiedAt time of the last change
   * @param modifiedBy id of whoever made the last change
   */
  public EmulatedUser {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(firstName, "firstName");
    Objects.requireNonNull(lastName, "lastName");
    Objects.requireNonNull(email, "email");
    roleIds = List.copyOf(roleIds);
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(createdBy, "createdBy");
    Objects.requireNonNull(modifiedAt, "modifiedAt");
    Objects.requireNonNull(modifiedBy, "modifiedBy");
  }
}
