package dev.sumoclient.users.pact;

import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import java.util.Objects;

/**
 * Pact bodies for Sumo Logic's pages of users and its error shape.
 *
 * <p>Like {@link SumoUserBody}, they match by type and pattern, never by literal: a page says "at
 * least N users shaped like this" and, when it is not the last, "and a {@code next} token"; an
 * error says "an {@code id} and at least one {@code {code, message}}".
 */
public final class SumoPactBodies {

  private SumoPactBodies() {}

  /**
   * A page that is followed by another: at least {@code minUsers} users and a {@code next} token.
   *
   * @param user what each user on the page looks like
   * @param minUsers the fewest users the page may hold, at least 1
   * @param nextExample the example token; the contract matches any string
   * @return an open body, ready for {@code willRespondWith().body(...)}
   * @throws IllegalArgumentException if {@code minUsers} is below 1
   */
  public static PactDslJsonBody pageWithNext(SumoUserBody user, int minUsers, String nextExample) {
    Objects.requireNonNull(nextExample, "nextExample");
    return users(user, minUsers).stringType("next", nextExample);
  }

  /**
   * The last page: at least {@code minUsers} users and no token to follow.
   *
   * <p>The contract does not demand that {@code next} be absent, since Sumo Logic may send it as
   * null; it only does not expect one.
   *
   * @param user what each user on the page looks like
   * @param minUsers the fewest users the page may hold, at least 1
   * @return an open body, ready for {@code willRespondWith().body(...)}
   * @throws IllegalArgumentException if {@code minUsers} is below 1
   */
  public static PactDslJsonBody lastPage(SumoUserBody user, int minUsers) {
    return users(user, minUsers);
  }

  /**
   * A page without users, as a search that matches nobody returns.
   *
   * @return an open body whose {@code data} must be an empty array
   */
  public static PactDslJsonBody emptyPage() {
    return (PactDslJsonBody) new PactDslJsonBody().array("data").closeArray();
  }

  /**
   * Sumo Logic's error body: an {@code id} to quote to support and at least one reason.
   *
   * @param codeExample the example error code, e.g. {@code "user:not_found"}; the contract matches
   *     any string, because the client acts on the HTTP status and shows the code
   * @param messageExample the example message
   * @return an open body, ready for {@code willRespondWith().body(...)}
   */
  public static PactDslJsonBody error(String codeExample, String messageExample) {
    PactDslJsonBody reason =
        new PactDslJsonBody()
            .stringType("code", Objects.requireNonNull(codeExample, "codeExample"))
            .stringType("message", Objects.requireNonNull(messageExample, "messageExample"));
    return new PactDslJsonBody()
        .stringType("id", "7QKZP-V2M4A-XY91C")
        .minArrayLike("errors", 1, reason, 1);
  }

  private static PactDslJsonBody users(SumoUserBody user, int minUsers) {
    if (minUsers < 1) {
      throw new IllegalArgumentException(
          "minUsers: must be at least 1, was " + minUsers + "; use emptyPage() for a page of none");
    }
    return new PactDslJsonBody().minArrayLike("data", minUsers, user.build(), minUsers);
  }
}
