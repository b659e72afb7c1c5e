package dev.sumoclient.users;

import dev.sumoclient.users.generated.model.UserModel;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One page of a user listing: its users and the token of the next page.
 *
 * <p>Save {@link #nextToken()} to resume later with {@link ListUsersRequest.Builder#startToken}.
 */
public final class UserPage {
  private final List<UserModel> users;
  private final @Nullable String nextToken;

  UserPage(List<UserModel> users, @Nullable String nextToken) {
    this.users = List.copyOf(users);
    this.nextToken = nextToken;
  }

  /**
   * Returns the users on this page; may be empty even when more pages follow.
   *
   * @return the users, unmodifiable
   */
  public List<UserModel> users() {
    return users;
  }

  /**
   * Returns the token of the next page.
   *
   * @return the token, or empty on the last page
   */
  public Optional<String> nextToken() {
    return Optional.ofNullable(nextToken);
  }

  /** Returns a short description (the user count and whether more pages follow). */
  @Override
  public String toString() {
    return "UserPage[" + users.size() + " users, next=" + nextToken + "]";
  }
}
