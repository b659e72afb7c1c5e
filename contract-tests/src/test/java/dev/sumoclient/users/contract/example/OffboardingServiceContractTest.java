package dev.sumoclient.users.contract.example;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.pact.SumoPact;
import dev.sumoclient.users.pact.SumoPactBodies;
import dev.sumoclient.users.pact.SumoProviderStates;
import dev.sumoclient.users.pact.SumoUserBody;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An offboarding flow as a contract: the leaver and the successor are looked up by the emails the
 * service knows, so the provider state must take those emails. Verified against the emulator like
 * every pact here, and by Pact's Maven verifier against the standalone jar.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = SumoPact.PROVIDER, pactVersion = PactSpecVersion.V4)
class OffboardingServiceContractTest {

  static final String LEAVER = "leaver@example.org";
  static final String SUCCESSOR = "manager@example.org";
  static final String LEAVER_ID = "000000000000AEE1";
  static final String SUCCESSOR_ID = "000000000000B055";
  static final Map<String, Object> BOTH_EXIST =
      Map.of("email", LEAVER, "successorEmail", SUCCESSOR);

  @Pact(consumer = "offboarding-service")
  public V4Pact offboarding(PactDslWithProvider builder) {
    return SumoPact.signed(
            SumoPact.signed(
                    builder
                        .given(SumoProviderStates.USER_AND_HEIR_EXIST, BOTH_EXIST)
                        .uponReceiving("offboarding looks up the leaver by email")
                        .path(SumoPact.USERS_PATH)
                        .method("GET")
                        .query("email=" + LEAVER))
                .willRespondWith()
                .status(200)
                .body(SumoPactBodies.lastPage(SumoUserBody.user().id(LEAVER_ID).email(LEAVER), 1))
                .given(SumoProviderStates.USER_AND_HEIR_EXIST, BOTH_EXIST)
                .uponReceiving("offboarding looks up the successor by email")
                .path(SumoPact.USERS_PATH)
                .method("GET")
                .query("email=" + SUCCESSOR))
        .willRespondWith()
        .status(200)
        .body(SumoPactBodies.lastPage(SumoUserBody.user().id(SUCCESSOR_ID).email(SUCCESSOR), 1))
        .given(SumoProviderStates.USER_AND_HEIR_EXIST, BOTH_EXIST)
        .uponReceiving("offboarding deletes the leaver, handing their content to the successor")
        .pathFromProviderState(
            SumoPact.USERS_PATH + "/${id}", SumoPact.USERS_PATH + "/" + LEAVER_ID)
        .method("DELETE")
        .queryParameterFromProviderState("transferTo", "${transferTo}", SUCCESSOR_ID)
        .matchHeader(
            "Authorization",
            SumoPact.BASIC_AUTH_PATTERN,
            SumoPact.basicAuthExample(SumoPact.EMULATOR_ACCESS_ID, SumoPact.EMULATOR_ACCESS_KEY))
        .willRespondWith()
        .status(204)
        .toPact(V4Pact.class);
  }

  @Test
  void theLeaversContentGoesToTheirSuccessor(MockServer sumo) {
    try (SumoUsersClient client =
        SumoUsersClient.builder()
            .endpoint(URI.create(sumo.getUrl() + SumoPact.BASE_PATH))
            .credentials(SumoPact.EMULATOR_ACCESS_ID, SumoPact.EMULATOR_ACCESS_KEY)
            .build()) {
      // Pact fails the test too if any interaction was not sent as recorded.
      assertThat(new Offboarding(client).offboard(LEAVER, SUCCESSOR)).isEqualTo(SUCCESSOR_ID);
    }
  }
}
