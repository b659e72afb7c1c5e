package dev.sumoclient.users.pact;

/**
 * The provider states that sumo-users-java's verification sets up, with the parameters each takes.
 *
 * <p>A service that names its states with these constants can have its pact verified against the
 * sumo-users-java emulator without writing state handlers of its own. Values that the provider
 * chooses (a user's id, a page token) come back from the state and are injected into the request
 * with Pact's {@code fromProviderState} expressions, e.g. {@code pathFromProviderState(USERS_PATH +
 * "/${id}", example)}.
 */
public final class SumoProviderStates {

  /**
   * A user exists who has signed in at least once. Parameters (all optional): {@code email}, {@code
   * firstName}, {@code lastName}. Provides {@code id}, the user's id.
   */
  public static final String USER_EXISTS = "a user exists";

  /**
   * No user has the id given as parameter {@code id}; the provider state provides it back as {@code
   * id}.
   */
  public static final String NO_USER_WITH_ID = "no user has the id";

  /**
   * At least as many users as parameter {@code count} exist (default 3). Provides {@code token},
   * the {@code next} token of the first page when pages hold parameter {@code pageSize} users
   * (default 2).
   */
  public static final String USERS_EXIST = "users exist";

  /** No user has the address given as parameter {@code email}. */
  public static final String NO_USER_WITH_EMAIL = "no user has the email address";

  /**
   * Two users exist: the one to delete and the one to receive their content. Provides {@code id}
   * and {@code transferTo}.
   */
  public static final String USER_AND_HEIR_EXIST =
      "a user and the user to receive their content exist";

  /** The caller's access id has used up its request quota: the next request is answered 429. */
  public static final String RATE_LIMIT_EXHAUSTED = "the rate limit is exhausted";

  /** The access id and key in the request are not valid for the organization. */
  public static final String CREDENTIALS_INVALID = "the access key is not valid";

  private SumoProviderStates() {}
}
