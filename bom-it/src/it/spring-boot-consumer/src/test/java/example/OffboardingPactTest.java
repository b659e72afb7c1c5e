package example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.pact.SumoPact;
import dev.sumoclient.users.pact.SumoProviderStates;
import dev.sumoclient.users.pact.SumoUserBody;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The service's consumer contract, written with sumo-users-pact-fragments. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = SumoPact.PROVIDER, pactVersion = PactSpecVersion.V4)
class OffboardingPactTest {
  static final String ACCESS_ID = "suOffboardingTests";
  static final String ACCESS_KEY = "offboarding-tests-key-not-a-secret";
  static final String SUCCESSOR_ID = "00000000000B0B00";

  @Pact(consumer = "offboarding-service")
  public V4Pact successor(PactDslWithProvider builder) {
    return builder
        .given(SumoProviderStates.USER_EXISTS, Map.of("firstName", "Sam"))
        .uponReceiving("offboarding reads the successor")
        .pathFromProviderState(
            SumoPact.USERS_PATH + "/${id}", SumoPact.USERS_PATH + "/" + SUCCESSOR_ID)
        .method("GET")
        .matchHeader(
            "Authorization",
            SumoPact.BASIC_AUTH_PATTERN,
            SumoPact.basicAuthExample(ACCESS_ID, ACCESS_KEY))
        .willRespondWith()
        .status(200)
        .body(SumoUserBody.user().id(SUCCESSOR_ID).firstName("Sam").build())
        .toPact(V4Pact.class);
  }

  @Test
  void readsTheSuccessor(MockServer sumo) {
    try (SumoUsersClient client =
        SumoUsersClient.builder()
            .endpoint(URI.create(sumo.getUrl() + SumoPact.BASE_PATH))
            .credentials(ACCESS_ID, ACCESS_KEY)
            .build()) {
      assertEquals("Sam", client.getUser(SUCCESSOR_ID).getFirstName());
    }
  }
}
