package dev.sumoclient.users.contract;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.ConsumerPactBuilder;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.V4Pact;
import dev.sumoclient.users.pact.SumoPact;
import dev.sumoclient.users.pact.SumoProviderStates;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The live replay must never change a real organization, nor try to exhaust its quota. */
class ReadOnlyInteractionsTest {

  @Test
  void onlyUnthrottledGetRequestsAreReplayedAgainstARealOrganization() {
    PactDslResponse pact =
        ConsumerPactBuilder.consumer("c")
            .hasPactWith(SumoPact.PROVIDER)
            .uponReceiving("read")
            .path(SumoPact.USERS_PATH)
            .method("GET")
            .willRespondWith()
            .status(200);
    for (String method : List.of("POST", "PUT", "DELETE")) {
      pact =
          pact.uponReceiving("write with " + method)
              .path(SumoPact.USERS_PATH)
              .method(method)
              .willRespondWith()
              .status(204);
    }
    pact =
        pact.given(SumoProviderStates.RATE_LIMIT_EXHAUSTED)
            .uponReceiving("read while throttled")
            .path(SumoPact.USERS_PATH)
            .method("GET")
            .willRespondWith()
            .status(429);
    List<Interaction> interactions = pact.toPact(V4Pact.class).getInteractions();
    Predicate<Interaction> replayed = new ReadOnlyInteractions().buildPredicate(new String[0]);

    assertThat(interactions.stream().filter(replayed).map(Interaction::getDescription))
        .containsExactly("read");
  }
}
