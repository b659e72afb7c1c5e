package dev.sumoclient.users.contract;

import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import dev.sumoclient.users.RetryPolicy;
import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.pact.SumoPact;
import java.net.URI;
import java.time.Duration;

/**
 * The client as the consumer tests build it, and the credentials the contract records.
 *
 * <p>The credentials are made up: the pact file keeps the example {@code Authorization} header, and
 * the emulator that verifies it is started with the same pair. Quotas are off and retry backoff is
 * a millisecond, so a test that retries spends no time waiting; what is retried, and when, is still
 * the client's own policy.
 */
final class ContractClients {

  static final String ACCESS_ID = "suContractTests";
  static final String ACCESS_KEY = "contract-tests-key-not-a-secret";
  static final String AUTHORIZATION = SumoPact.basicAuthExample(ACCESS_ID, ACCESS_KEY);

  static final String WRONG_ACCESS_KEY = "a-key-that-was-revoked";
  static final String WRONG_AUTHORIZATION = SumoPact.basicAuthExample(ACCESS_ID, WRONG_ACCESS_KEY);

  private ContractClients() {}

  /** A client of the API served at {@code root}{@value SumoPact#BASE_PATH}. */
  static SumoUsersClient against(URI root) {
    return against(root, ACCESS_KEY);
  }

  /** A client of the API served at {@code root}, signing with another access key. */
  static SumoUsersClient against(URI root, String accessKey) {
    return SumoUsersClient.builder()
        .endpoint(URI.create(root.toString().replaceAll("/+$", "") + SumoPact.BASE_PATH))
        .credentials(ACCESS_ID, accessKey)
        .rateLimiting(false)
        .retryPolicy(
            RetryPolicy.builder()
                .maxRetries(2)
                .baseDelay(Duration.ofMillis(1))
                .maxDelay(Duration.ofMillis(1))
                .honorRetryAfter(false)
                .build())
        .build();
  }

  /** Expects the Basic credentials the client is built with. */
  static PactDslRequestWithPath signed(PactDslRequestWithPath request) {
    return request.matchHeader("Authorization", SumoPact.BASIC_AUTH_PATTERN, AUTHORIZATION);
  }
}
