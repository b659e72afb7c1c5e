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
import dev.sumoclient.users.pact.SumoProviderStates;
import dev.sumoclient.users.pact.SumoUserBody;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The consumer test a service using sumo-users-java writes with sumo-users-pact-fragments; the
 * README of contract-tests shows this class. Its pact is also checked against our OpenAPI
 * description and verified against the emulator, like the SDK's own.
 */
// README-SNIPPET-START
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = SumoPact.PROVIDER, pactVersion = PactSpecVersion.V4)
class BillingServiceContractTest {

  static final String OWNER_ID = "00000000000A11CE";

  @Pact(consumer = "billing-service")
  public V4Pact invoiceOwner(PactDslWithProvider builder) {
    return SumoPact.signed(
            builder
                .given(
                    SumoProviderStates.USER_EXISTS,
                    Map.of("firstName", "Alice", "lastName", "Liddell"))
                .uponReceiving("billing looks up the owner of an invoice")
                .pathFromProviderState(
                    SumoPact.USERS_PATH + "/${id}", SumoPact.USERS_PATH + "/" + OWNER_ID)
                .method("GET"))
        .willRespondWith()
        .status(200)
        .body(SumoUserBody.user().id(OWNER_ID).firstName("Alice").lastName("Liddell").build())
        .toPact(V4Pact.class);
  }

  @Test
  void theInvoiceShowsItsOwnerByName(MockServer sumo) {
    try (SumoUsersClient client =
        SumoUsersClient.builder()
            .endpoint(URI.create(sumo.getUrl() + SumoPact.BASE_PATH))
            .credentials(SumoPact.EMULATOR_ACCESS_ID, SumoPact.EMULATOR_ACCESS_KEY)
            .build()) {
      assertThat(new InvoiceOwnerNames(client).displayName(OWNER_ID)).isEqualTo("Alice Liddell");
    }
  }
}
// README-SNIPPET-END
