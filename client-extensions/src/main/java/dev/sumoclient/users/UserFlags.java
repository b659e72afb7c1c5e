package dev.sumoclient.users;

import dev.sumoclient.users.generated.model.UserModel;

/**
 * Reads a user's flags as plain {@code boolean}s: {@code true} only when the API said {@code true}.
 *
 * <p>The API may omit {@code isActive}, {@code isLocked} and {@code isMfaEnabled}, so the generated
 * getters return a {@code Boolean} that can be null. These methods treat an omitted flag as {@code
 * false}, the answer that asks for no action: a user not known to be locked is not unlocked, one
 * not known to have MFA is not sent a disable request. Where "not said" must be told apart from
 * {@code false}, read the getter ({@code user.getIsActive() == null}).
 *
 * <pre>{@code
 * if (UserFlags.isLocked(user)) {
 *   client.unlockUser(user.getId());
 * }
 * }</pre>
 */
public final class UserFlags {
  private UserFlags() {}

  /**
   * Returns whether the user is active.
   *
   * @param user a user read from the API
   * @return {@code true} only if the API said the user is active
   * @throws SumoValidationException if {@code user} is null
   */
  public static boolean isActive(UserModel user) {
    return Boolean.TRUE.equals(read(user).getIsActive());
  }

  /**
   * Returns whether the user's account is locked (after too many failed sign-ins).
   *
   * @param user a user read from the API
   * @return {@code true} only if the API said the user is locked
   * @throws SumoValidationException if {@code user} is null
   */
  public static boolean isLocked(UserModel user) {
    return Boolean.TRUE.equals(read(user).getIsLocked());
  }

  /**
   * Returns whether multi-factor authentication is enabled for the user.
   *
   * @param user a user read from the API
   * @return {@code true} only if the API said MFA is enabled
   * @throws SumoValidationException if {@code user} is null
   */
  public static boolean isMfaEnabled(UserModel user) {
    return Boolean.TRUE.equals(read(user).getIsMfaEnabled());
  }

  private static UserModel read(UserModel user) {
    if (user == null) {
      throw new SumoValidationException("user", "must not be null");
    }
    return user;
  }
}
