package dev.sumoclient.users.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sumoclient.users.emulator.EmulatedUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Pact provider states: each named state is made true on the emulator, with the parameters the
 * consumer's pact gave, and the values the provider chose (ids, tokens) are handed back for Pact's
 * {@code fromProviderState} expressions.
 *
 * <p>A state sets up only what its name says; setting one up twice is harmless (a user who already
 * exists is reused and given the requested names and flags), so verifiers that send no teardown
 * still get a consistent emulator. {@code SumoProviderStates} in sumo-users-pact-fragments
 * publishes these names, documented with their parameters, by referring to these constants.
 */
public final class ProviderStates {
  /** A user exists. */
  public static final String USER_EXISTS = "a user exists";

  /** No user has the id. */
  public static final String NO_USER_WITH_ID = "no user has the id";

  /** Users exist. */
  public static final String USERS_EXIST = "users exist";

  /** No user has the email address. */
  public static final String NO_USER_WITH_EMAIL = "no user has the email address";

  /** A user and the user to receive their content exist. */
  public static final String USER_AND_HEIR_EXIST =
      "a user and the user to receive their content exist";

  /** The rate limit is exhausted. */
  public static final String RATE_LIMIT_EXHAUSTED = "the rate limit is exhausted";

  /** The access key is not valid. */
  public static final String CREDENTIALS_INVALID = "the access key is not valid";

  /** Every state this class serves. */
  public static final Set<String> NAMES =
      Set.of(
          USER_EXISTS,
          NO_USER_WITH_ID,
          USERS_EXIST,
          NO_USER_WITH_EMAIL,
          USER_AND_HEIR_EXIST,
          RATE_LIMIT_EXHAUSTED,
          CREDENTIALS_INVALID);

  static final String DEFAULT_ROLE_ID = "0000000000000A01";
  static final String UNKNOWN_ID = "0000000000DEAD00";

  private final EmulatorServer server;

  ProviderStates(EmulatorServer server) {
    this.server = server;
  }

  /**
   * Makes {@code state} true with these parameters.
   *
   * @return the values the state provides, e.g. {@code id}; empty when it provides none
   * @throws IllegalArgumentException for an unknown state or a parameter of the wrong kind
   */
  public Map<String, Object> setUp(String state, Map<String, ?> params) {
    return switch (state) {
      case USER_EXISTS -> Map.of("id", userExists(params, "").id());
      case NO_USER_WITH_ID -> {
        String id = text(params, "id", UNKNOWN_ID);
        // Deleting makes the state true; content goes nowhere a test could see it.
        if (server.store().find(id).isPresent()) {
          server.store().delete(id, null, true, owner());
        }
        yield Map.of("id", id);
      }
      case NO_USER_WITH_EMAIL -> {
        String email = text(params, "email", "nobody@example.org");
        server
            .store()
            .findByEmail(email)
            .ifPresent(user -> server.store().delete(user.id(), null, true, owner()));
        yield Map.of("email", email);
      }
      case USERS_EXIST -> usersExist(params);
      case USER_AND_HEIR_EXIST -> {
        EmulatedUser user = userExists(params, "");
        Map<String, Object> heirDefaults =
            Map.of(
                "successorEmail", "bob@example.org",
                "successorFirstName", "Bob",
                "successorLastName", "Heir");
        Map<String, Object> heirParams = new LinkedHashMap<>(heirDefaults);
        heirParams.putAll(params);
        if (emailKey(text(heirParams, "successorEmail", "")).equals(emailKey(user.email()))) {
          throw new IllegalArgumentException(
              "successorEmail: must differ from email, both were " + user.email());
        }
        EmulatedUser heir = userExists(heirParams, "successor");
        yield Map.of("id", user.id(), "transferTo", heir.id());
      }
      case RATE_LIMIT_EXHAUSTED -> {
        // The next request is answered 429 whatever the quotas: Sumo's window is not the
        // emulator's to fill deterministically, an injected 429 is.
        server.faults().failNext(1, 429, null);
        yield Map.of();
      }
      case CREDENTIALS_INVALID -> Map.of();
      default ->
          throw new IllegalArgumentException(
              "unknown provider state '" + state + "'; the emulator knows " + sorted());
    };
  }

  /** Undoes every state: the emulator returns to its start (seed users, no faults or records). */
  public void tearDown() {
    server.reset();
  }

  private static List<String> sorted() {
    return NAMES.stream().sorted().toList();
  }

  private String owner() {
    return server.config().accessKeys().get(0).ownerId();
  }

  /** Reads parameters named {@code prefix + Field} (or plain {@code field} without a prefix). */
  private EmulatedUser userExists(Map<String, ?> params, String prefix) {
    String email = text(params, name(prefix, "email"), "alice@example.org");
    String firstName = text(params, name(prefix, "firstName"), "Alice");
    String lastName = text(params, name(prefix, "lastName"), "Liddell");
    boolean signedIn = bool(params, name(prefix, "signedIn"));
    boolean mfaEnabled = bool(params, name(prefix, "mfaEnabled"));
    boolean locked = bool(params, name(prefix, "locked"));
    boolean active =
        !params.containsKey(name(prefix, "active")) || bool(params, name(prefix, "active"));
    UserStore store = server.store();
    EmulatedUser existing = store.findByEmail(email).orElse(null);
    EmulatedUser user;
    if (existing == null) {
      user = store.create(firstName, lastName, email, List.of(DEFAULT_ROLE_ID), owner());
      if (!active) {
        user = store.update(user.id(), firstName, lastName, false, user.roleIds(), owner());
      }
    } else {
      user = store.update(existing.id(), firstName, lastName, active, existing.roleIds(), owner());
    }
    if (signedIn) {
      user = store.recordSignIn(user.id());
    }
    if (mfaEnabled) {
      user = store.enableMfa(user.id());
    }
    if (locked) {
      user = store.lock(user.id());
    }
    return user;
  }

  private Map<String, Object> usersExist(Map<String, ?> params) {
    int count = integer(params, "count", 3);
    int pageSize = integer(params, "pageSize", 2);
    if (pageSize < 1 || pageSize > Listing.MAX_LIMIT) {
      throw new IllegalArgumentException(
          "pageSize: must be from 1 to " + Listing.MAX_LIMIT + ", was " + pageSize);
    }
    UserStore store = server.store();
    for (int n = 1; store.size() < count; n++) {
      String email = "user" + n + "@example.org";
      if (store.findByEmail(email).isEmpty()) {
        store.create("User", "Number " + n, email, List.of(DEFAULT_ROLE_ID), owner());
      }
    }
    byte[] page = Listing.page(store, Map.of("limit", List.of(Integer.toString(pageSize))));
    try {
      JsonNode next = Json.MAPPER.readTree(page).get("next");
      if (next != null && next.isTextual()) {
        return Map.of("token", next.textValue());
      }
      return Map.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String name(String prefix, String field) {
    return prefix.isEmpty()
        ? field
        : prefix + Character.toUpperCase(field.charAt(0)) + field.substring(1);
  }

  private static String emailKey(String email) {
    return UserStore.emailKey(email);
  }

  private static String text(Map<String, ?> params, String name, String otherwise) {
    Object value = params.get(name);
    if (value == null) {
      return otherwise;
    }
    if (!(value instanceof String text) || text.isBlank()) {
      throw new IllegalArgumentException(name + ": must be a non-blank string, was " + value);
    }
    return text;
  }

  private static boolean bool(Map<String, ?> params, String name) {
    Object value = params.get(name);
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean flag) {
      return flag;
    }
    if (value instanceof String text && (text.equals("true") || text.equals("false"))) {
      return Boolean.parseBoolean(text);
    }
    throw new IllegalArgumentException(name + ": must be true or false, was " + value);
  }

  private static int integer(Map<String, ?> params, String name, int otherwise) {
    @Nullable Object value = params.get(name);
    if (value == null) {
      return otherwise;
    }
    try {
      if (value instanceof Number number && number.doubleValue() == number.intValue()) {
        return number.intValue();
      }
      if (value instanceof String text) {
        return Integer.parseInt(text);
      }
    } catch (NumberFormatException e) {
      // Falls through to the error below.
    }
    throw new IllegalArgumentException(name + ": must be an integer, was " + value);
  }
}
