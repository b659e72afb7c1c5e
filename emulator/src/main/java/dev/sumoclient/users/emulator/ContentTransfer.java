package dev.sumoclient.users.emulator;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where a deleted user's content went.
 *
 * @param deletedUserId the id of the deleted user
 * @param deletedUserEmail the deleted user's email address
 * @param disposition how the content was handled
 * @param recipientId the user who received the content, or null when it was deleted
 * @param requestedBy the owner id of the access key that deleted the user
 * @param at when the user was deleted
 */
public record ContentTransfer(
    String deletedUserId,
    String deletedUserEmail,
    Disposition disposition,
    @Nullable String recipientId,
    String requestedBy,
    Instant at) {

  /** How a deleted user's content was handled. */
  public enum Disposition {
    /** {@code transferTo} named another user, who received the content. */
    TRANSFERRED_TO_USER,
    /** Neither {@code transferTo} nor {@code deleteContent=true}: the caller received it. */
    TRANSFERRED_TO_CALLER,
    /** {@code deleteContent=true}: the content is gone for good. */
    DELETED
  }
}
