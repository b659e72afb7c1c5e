package dev.sumoclient.users.contract;

import static dev.sumoclient.users.contract.ReadOperationsPactTest.ALICE_ID;
import static dev.sumoclient.users.contract.ReadOperationsPactTest.userPath;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.sumoclient.users.RetryPolicy;
import dev.sumoclient.users.SumoThrottledException;
import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.pact.SumoPact;
import dev.sumoclient.users.pact.SumoPactBodies;
import dev.sumoclient.users.pact.SumoProviderStates;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Throttling. The contract holds one 429 interaction, which the client with retries off turns into
 * {@link SumoThrottledException}; a Pact mock server answers identical requests identically, so
 * "429, then 200" is not a contract but client behaviour, tested against the emulator's injected
 * 429 by {@link ThrottledReadRetryTest}.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = SumoPact.PROVIDER, pactVersion = PactSpecVersion.V4)
class RateLimitRetryPactTest {

  private static final Map<String, Object> ALICE = Map.of("email", "alice@example.org");

  @Pact(consumer = SumoPact.SDK_CONSUMER)
  public V4Pact throttled(PactDslWithProvider builder) {
    return ContractClients.signed(
            builder
                .given(SumoProviderStates.USER_EXISTS, ALICE)
                .given(SumoProviderStates.RATE_LIMIT_EXHAUSTED)
                .uponReceiving("a request for a user while the rate limit is exhausted")
                .pathFromProviderState(SumoPact.USERS_PATH + "/${id}", userPath(ALICE_ID))
                .method("GET"))
        .willRespondWith()
        .status(429)
        .body(SumoPactBodies.error("rate.limit.exceeded", "Rate limit exceeded."))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "throttled")
  void aThrottledReadIsReportedAsThrottledWhenRetriesAreOff(MockServer server) {
    try (SumoUsersClient client =
        SumoUsersClient.builder()
            .endpoint(java.net.URI.create(server.getUrl() + SumoPact.BASE_PATH))
            .credentials(ContractClients.ACCESS_ID, ContractClients.ACCESS_KEY)
            .rateLimiting(false)
            .retryPolicy(RetryPolicy.builder().maxRetries(0).build())
            .build()) {
      assertThatThrownBy(() -> client.getUser(ALICE_ID)).isInstanceOf(SumoThrottledException.class);
    }
  }
}
