package dev.sumoclient.users;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What to list: page size, order, an email filter, and where to resume.
 *
 * <p>Every field is optional; {@code ListUsersRequest.builder().build()} lists every user. The
 * request is checked before anything is sent.
 */
public final class ListUsersRequest {
  @Min(1)
  @Max(1000)
  private final @Nullable Integer limit;

  @Pattern(
      regexp = "firstName|lastName|email",
      message = "must be one of firstName, lastName, email")
  private final @Nullable String sortBy;

  @Email
  @Size(min = 1, max = 255)
  private final @Nullable String email;

  @Size(min = 1)
  private final @Nullable String startToken;

  private ListUsersRequest(Builder builder) {
    this.limit = builder.limit;
    this.sortBy = builder.sortBy;
    this.email = builder.email;
    this.startToken = builder.startToken;
  }

  /**
   * Returns a builder with nothing set.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this request's values, to derive a changed copy.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder().limit(limit).sortBy(sortBy).email(email).startToken(startToken);
  }

  /**
   * Returns the page size asked for.
   *
   * @return 1 to 1000, or empty for the server's default (100)
   */
  public Optional<Integer> limit() {
    return Optional.ofNullable(limit);
  }

  /**
   * Returns the order asked for.
   *
   * @return {@code firstName}, {@code lastName} or {@code email}, or empty for the server's order
   */
  public Optional<String> sortBy() {
    return Optional.ofNullable(sortBy);
  }

  /**
   * Returns the email filter.
   *
   * @return the email address to keep, or empty for every user
   */
  public Optional<String> email() {
    return Optional.ofNullable(email);
  }

  /**
   * Returns the token to resume from.
   *
   * @return a {@code next} token saved from an earlier page, or empty to start at the beginning
   */
  public Optional<String> startToken() {
    return Optional.ofNullable(startToken);
  }

  /** Returns a description of the request. */
  @Override
  public String toString() {
    return "ListUsersRequest[limit="
        + limit
        + ", sortBy="
        + sortBy
        + ", email="
        + email
        + ", startToken="
        + startToken
        + "]";
  }

  /** Builds a {@link ListUsersRequest}. */
  public static final class Builder {
    private @Nullable Integer limit;
    private @Nullable String sortBy;
    private @Nullable String email;
    private @Nullable String startToken;

    private Builder() {}

    /**
     * Sets the page size.
     *
     * @param limit 1 to 1000, or null for the server's default
     * @return this builder
     */
    public Builder limit(@Nullable Integer limit) {
      this.limit = limit;
      return this;
    }

    /**
     * Sets the order.
     *
     * @param sortBy {@code firstName}, {@code lastName} or {@code email}, or null
     * @return this builder
     */
    public Builder sortBy(@Nullable String sortBy) {
      this.sortBy = sortBy;
      return this;
    }

    /**
     * Keeps only the user with this email address.
     *
     * @param email the address, or null for every user
     * @return this builder
     */
    public Builder email(@Nullable String email) {
      this.email = email;
      return this;
    }

    /**
     * Resumes from a {@code next} token saved from an earlier page.
     *
     * @param startToken the token, or null to start at the beginning
     * @return this builder
     */
    public Builder startToken(@Nullable String startToken) {
      this.startToken = startToken;
      return this;
    }

    /**
     * Builds the request; it is validated when used.
     *
     * @return the request
     */
    public ListUsersRequest build() {
      return new ListUsersRequest(this);
    }
  }
}
