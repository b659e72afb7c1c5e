package dev.sumoclient.users.contract;

import static dev.sumoclient.users.contract.ReadOperationsPactTest.ALICE_ID;
import static dev.sumoclient.users.contract.ReadOperationsPactTest.userPath;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.ConsumerPactBuilder;
import au.com.dius.pact.core.model.V4Pact;
import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.generated.model.UserModel;
import dev.sumoclient.users.pact.SumoPact;
import dev.sumoclient.users.pact.SumoPactBodies;
import dev.sumoclient.users.pact.SumoProviderStates;
import dev.sumoclient.users.pact.SumoUserBody;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A 429 answered by the same request again, which then succeeds: two interactions with the same
 * request, played in order by {@link PactMockServersInSequence}.
 */
class RateLimitRetryPactTest {

  private static final Map<String, Object> ALICE = Map.of("email", "alice@example.org");

  @Test
  void aThrottledReadIsRetriedAndTheRetryReturnsTheUser() throws IOException {
    V4Pact throttled =
        ConsumerPactBuilder.consumer(SumoPact.SDK_CONSUMER)
            .hasPactWith(SumoPact.PROVIDER)
            .given(SumoProviderStates.USER_EXISTS, ALICE)
            .given(SumoProviderStates.RATE_LIMIT_EXHAUSTED)
            .uponReceiving("a request for a user while the rate limit is exhausted")
            .pathFromProviderState(SumoPact.USERS_PATH + "/${id}", userPath(ALICE_ID))
            .method("GET")
            .matchHeader(
                "Authorization", SumoPact.BASIC_AUTH_PATTERN, ContractClients.AUTHORIZATION)
            .willRespondWith()
            .status(429)
            .body(SumoPactBodies.error("rate.limit.exceeded", "Rate limit exceeded."))
            .toPact(V4Pact.class);
    V4Pact retried =
        ConsumerPactBuilder.consumer(SumoPact.SDK_CONSUMER)
            .hasPactWith(SumoPact.PROVIDER)
            .given(SumoProviderStates.USER_EXISTS, ALICE)
            .uponReceiving("the same request for a user, retried once the rate limit allows it")
            .pathFromProviderState(SumoPact.USERS_PATH + "/${id}", userPath(ALICE_ID))
            .method("GET")
            .matchHeader(
                "Authorization", SumoPact.BASIC_AUTH_PATTERN, ContractClients.AUTHORIZATION)
            .willRespondWith()
            .status(200)
            .body(SumoUserBody.user().id(ALICE_ID).email("alice@example.org").build())
            .toPact(V4Pact.class);
    AtomicReference<UserModel> user = new AtomicReference<>();

    PactMockServersInSequence.run(
        List.of(throttled, retried),
        root -> {
          try (SumoUsersClient client = ContractClients.against(root)) {
            user.set(client.getUser(ALICE_ID));
          }
        });

    assertThat(user.get().getId()).isEqualTo(ALICE_ID);
  }
}
