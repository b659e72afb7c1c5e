package dev.sumoclient.users.pact;

import dev.sumoclient.users.emulator.internal.ProviderStates;

/**
 * The provider states the sumo-users-java emulator sets up, with the parameters each takes.
 *
 * <p>A service that names its states with these constants can have its pact verified against the
 * emulator without writing state handlers: in JUnit 5 with {@link SumoPactVerification}, and from
 * any Pact verifier (JVM, JS, Go, Rust) against the standalone emulator with its state change URL
 * {@code POST http://<host>:<port>/__admin/provider-states}. Values that the provider chooses (a
 * user's id, a page token) come back from the state and are injected into the request with Pact's
 * {@code fromProviderState} expressions, e.g. {@code pathFromProviderState(USERS_PATH + "/${id}",
 * example)}. A state sets up only what its name says; every parameter is optional.
 *
 * <p>The names are the emulator's own: each constant is the one the emulator serves, so the two
 * cannot drift apart.
 */
public final class SumoProviderStates {

  /**
   * A user exists. Parameters: {@code email} (default alice@example.org), {@code firstName}
   * (Alice), {@code lastName} (Liddell), {@code active} (true), and, each false unless given true,
   * {@code signedIn} (sets {@code lastLoginTimestamp}), {@code mfaEnabled}, {@code locked}.
   * Provides {@code id}, the user's id. A user who already has the email is reused.
   */
  public static final String USER_EXISTS = ProviderStates.USER_EXISTS;

  /**
   * No user has the id given as parameter {@code id} (default 0000000000DEAD00); one who has it is
   * deleted. Provides {@code id}.
   */
  public static final String NO_USER_WITH_ID = ProviderStates.NO_USER_WITH_ID;

  /**
   * At least as many users as parameter {@code count} exist (default 3). Provides {@code token},
   * the {@code next} token of the first page when pages hold parameter {@code pageSize} users
   * (default 2).
   */
  public static final String USERS_EXIST = ProviderStates.USERS_EXIST;

  /**
   * No user has the address given as parameter {@code email} (default nobody@example.org); one who
   * has it is deleted. Provides {@code email}.
   */
  public static final String NO_USER_WITH_EMAIL = ProviderStates.NO_USER_WITH_EMAIL;

  /**
   * Two users exist: the one to delete (the parameters of {@link #USER_EXISTS}) and their
   * successor, who receives their content: {@code successorEmail} (default bob@example.org), {@code
   * successorFirstName} (Bob), {@code successorLastName} (Heir), and {@code successorSignedIn},
   * {@code successorMfaEnabled}, {@code successorLocked}, {@code successorActive}. Provides {@code
   * id} and {@code transferTo}, the successor's id.
   */
  public static final String USER_AND_HEIR_EXIST = ProviderStates.USER_AND_HEIR_EXIST;

  /** The caller's access id has used up its request quota: the next request is answered 429. */
  public static final String RATE_LIMIT_EXHAUSTED = ProviderStates.RATE_LIMIT_EXHAUSTED;

  /** The access id and key in the request are not valid for the organization. */
  public static final String CREDENTIALS_INVALID = ProviderStates.CREDENTIALS_INVALID;

  private SumoProviderStates() {}
}
