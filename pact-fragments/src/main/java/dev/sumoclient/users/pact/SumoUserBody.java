package dev.sumoclient.users.pact;

import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslJsonRootValue;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds the Pact body of one Sumo Logic user, with matchers instead of literals.
 *
 * <p>Every value given here is only the example that goes into the pact: ids, role ids and the
 * creator and modifier ids match {@link SumoPact#ID_PATTERN}, timestamps match {@link
 * SumoPact#TIMESTAMP_PATTERN}, and names, email and flags match by type. So the contract says "a
 * user shaped like this", which the provider can satisfy with any user. Builders are mutable and
 * not thread-safe; {@link #build()} may be called more than once.
 *
 * <pre>{@code
 * PactDslJsonBody alice = SumoUserBody.user().id("00000000000A11CE").email("alice@example.org").build();
 * }</pre>
 */
public final class SumoUserBody {

  private static final String ROLE_ID_EXAMPLE = "0000000000000A01";

  private String id = "00000000000A11CE";
  private String firstName = "Alice";
  private String lastName = "Liddell";
  private String email = "alice@example.org";
  private List<String> roleIds = List.of(ROLE_ID_EXAMPLE);
  private boolean active = true;
  private boolean locked = false;
  private boolean mfaEnabled = false;
  private String createdAt = "2025-11-02T08:30:00Z";
  private String createdBy = "0000000000C0FFEE";
  private String modifiedAt = "2026-01-20T17:45:12.250Z";
  private String modifiedBy = "0000000000C0FFEE";
  private @Nullable String lastLoginTimestamp;

  private SumoUserBody() {}

  /**
   * Starts a user with example values for every field the API always returns.
   *
   * @return a builder whose {@link #build()} gives a complete user
   */
  public static SumoUserBody user() {
    return new SumoUserBody();
  }

  /**
   * Sets the example id.
   *
   * @param example 16 hexadecimal digits
   * @return this builder
   * @throws IllegalArgumentException if the example does not match {@link SumoPact#ID_PATTERN}
   */
  public SumoUserBody id(String example) {
    this.id = requireId("id", example);
    return this;
  }

  /**
   * Sets the example first name.
   *
   * @param example any non-empty name
   * @return this builder
   */
  public SumoUserBody firstName(String example) {
    this.firstName = Objects.requireNonNull(example, "firstName");
    return this;
  }

  /**
   * Sets the example last name.
   *
   * @param example any name, possibly empty
   * @return this builder
   */
  public SumoUserBody lastName(String example) {
    this.lastName = Objects.requireNonNull(example, "lastName");
    return this;
  }

  /**
   * Sets the example email address.
   *
   * @param example an email address
   * @return this builder
   */
  public SumoUserBody email(String example) {
    this.email = Objects.requireNonNull(example, "email");
    return this;
  }

  /**
   * Sets the example role ids; the contract expects an array of ids, possibly empty, as the API
   * accepts a user without roles.
   *
   * @param examples the role ids of 16 hexadecimal digits; none for a user without roles
   * @return this builder
   * @throws IllegalArgumentException if one does not match {@link SumoPact#ID_PATTERN}
   */
  public SumoUserBody roleIds(String... examples) {
    for (String example : examples) {
      requireId("roleIds", example);
    }
    this.roleIds = List.of(examples);
    return this;
  }

  /**
   * Sets the example {@code isActive} flag.
   *
   * @param example false for a deactivated user
   * @return this builder
   */
  public SumoUserBody active(boolean example) {
    this.active = example;
    return this;
  }

  /**
   * Sets the example {@code isLocked} flag.
   *
   * @param example true for a user locked out after failed sign-ins
   * @return this builder
   */
  public SumoUserBody locked(boolean example) {
    this.locked = example;
    return this;
  }

  /**
   * Sets the example {@code isMfaEnabled} flag.
   *
   * @param example true for a user who signs in with a second factor
   * @return this builder
   */
  public SumoUserBody mfaEnabled(boolean example) {
    this.mfaEnabled = example;
    return this;
  }

  /**
   * Sets the example creation time and creator.
   *
   * @param at an RFC 3339 timestamp
   * @param by the creator's id
   * @return this builder
   * @throws IllegalArgumentException if a value does not match its pattern
   */
  public SumoUserBody created(String at, String by) {
    this.createdAt = requireTimestamp("createdAt", at);
    this.createdBy = requireId("createdBy", by);
    return this;
  }

  /**
   * Sets the example time of the last change and who made it.
   *
   * @param at an RFC 3339 timestamp
   * @param by the modifier's id
   * @return this builder
   * @throws IllegalArgumentException if a value does not match its pattern
   */
  public SumoUserBody modified(String at, String by) {
    this.modifiedAt = requireTimestamp("modifiedAt", at);
    this.modifiedBy = requireId("modifiedBy", by);
    return this;
  }

  /**
   * Makes the contract expect {@code lastLoginTimestamp}, a timestamp.
   *
   * <p>Leave it out (the default) when the user may never have signed in: the API then sends null
   * or nothing, and a contract should not demand a value the provider cannot give.
   *
   * @param example an RFC 3339 timestamp
   * @return this builder
   * @throws IllegalArgumentException if the example does not match {@link
   *     SumoPact#TIMESTAMP_PATTERN}
   */
  public SumoUserBody lastLogin(String example) {
    this.lastLoginTimestamp = requireTimestamp("lastLoginTimestamp", example);
    return this;
  }

  /**
   * Returns the user as a Pact JSON body with its matching rules.
   *
   * <p>The body is left open, so it can go straight into {@code willRespondWith().body(...)} or be
   * nested with {@code eachLike}/{@code minArrayLike}, as {@link SumoPactBodies} does for pages.
   *
   * @return a new body each call
   */
  public PactDslJsonBody build() {
    PactDslJsonBody body =
        new PactDslJsonBody()
            .stringMatcher("id", SumoPact.ID_PATTERN, id)
            .stringType("firstName", firstName)
            .stringType("lastName", lastName)
            .stringType("email", email)
            .minArrayLike(
                "roleIds",
                0,
                PactDslJsonRootValue.stringMatcher(
                    SumoPact.ID_PATTERN, roleIds.isEmpty() ? ROLE_ID_EXAMPLE : roleIds.get(0)),
                roleIds.size())
            .booleanType("isActive", active)
            .booleanType("isLocked", locked)
            .booleanType("isMfaEnabled", mfaEnabled)
            .stringMatcher("createdAt", SumoPact.TIMESTAMP_PATTERN, createdAt)
            .stringMatcher("createdBy", SumoPact.ID_PATTERN, createdBy)
            .stringMatcher("modifiedAt", SumoPact.TIMESTAMP_PATTERN, modifiedAt)
            .stringMatcher("modifiedBy", SumoPact.ID_PATTERN, modifiedBy);
    String lastLogin = lastLoginTimestamp;
    if (lastLogin != null) {
      body.stringMatcher("lastLoginTimestamp", SumoPact.TIMESTAMP_PATTERN, lastLogin);
    }
    return body;
  }

  private static String requireId(String field, String example) {
    return require(field, example, SumoPact.ID_PATTERN, "16 hexadecimal digits");
  }

  private static String requireTimestamp(String field, String example) {
    return require(field, example, SumoPact.TIMESTAMP_PATTERN, "an RFC 3339 timestamp");
  }

  private static String require(String field, String example, String pattern, String rule) {
    Objects.requireNonNull(example, field);
    if (!example.matches(pattern)) {
      throw new IllegalArgumentException(
          field + ": example '" + example + "' must be " + rule + " (" + pattern + ")");
    }
    return example;
  }
}
