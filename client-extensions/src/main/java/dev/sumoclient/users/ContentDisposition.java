package dev.sumoclient.users;

import dev.sumoclient.users.generated.model.UserModel;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What happens to a deleted user's content; {@code deleteUser} requires an explicit choice.
 *
 * <p>Sumo Logic silently moves the content to the caller when nothing is said, so the client makes
 * that choice visible as {@link #transferToCaller()} instead of a default.
 */
public final class ContentDisposition {
  private final @Nullable String transferTo;
  private final boolean deleteContent;

  private ContentDisposition(@Nullable String transferTo, boolean deleteContent) {
    this.transferTo = transferTo;
    this.deleteContent = deleteContent;
  }

  /**
   * Moves the content to another user.
   *
   * @param userId the id of the user who receives the content
   * @return the choice
   * @throws SumoValidationException if the id is blank
   */
  public static ContentDisposition transferTo(String userId) {
    if (userId == null || userId.isBlank()) {
      throw new SumoValidationException("transferTo", "must not be blank");
    }
    return new ContentDisposition(userId, false);
  }

  /**
   * Moves the content to another user, as read from the API.
   *
   * <p>{@code deleteUser} refuses, before sending anything, a transfer to the user being deleted.
   *
   * @param user the user who receives the content, for instance from {@code getUser} or {@code
   *     findByEmail}
   * @return the choice
   * @throws SumoValidationException if the user is null or has no id
   */
  public static ContentDisposition transferTo(UserModel user) {
    if (user == null) {
      throw new SumoValidationException("transferTo", "must not be null");
    }
    return transferTo(user.getId());
  }

  /**
   * Deletes the content together with the user.
   *
   * @return the choice
   */
  public static ContentDisposition deleteContent() {
    return new ContentDisposition(null, true);
  }

  /**
   * Moves the content to the user whose access key makes the call.
   *
   * @return the choice
   */
  public static ContentDisposition transferToCaller() {
    return new ContentDisposition(null, false);
  }

  /**
   * Returns the user who receives the content, when the choice is {@link #transferTo(String)}.
   *
   * @return the receiving user id, or empty
   */
  public Optional<String> transferToUserId() {
    return Optional.ofNullable(transferTo);
  }

  /**
   * Returns whether the content is deleted with the user.
   *
   * @return true for {@link #deleteContent()}
   */
  public boolean deletesContent() {
    return deleteContent;
  }

  /** Returns a description of the choice. */
  @Override
  public String toString() {
    if (transferTo != null) {
      return "ContentDisposition.transferTo(" + transferTo + ")";
    }
    return deleteContent
        ? "ContentDisposition.deleteContent()"
        : "ContentDisposition.transferToCaller()";
  }
}
