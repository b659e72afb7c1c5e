package dev.sumoclient.users.contract.example;

import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Consumer;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.sumoclient.users.pact.SumoPact;
import dev.sumoclient.users.pact.SumoPactVerification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The billing service verifies its own pact ({@link BillingServiceContractTest}) against an
 * embedded emulator with sumo-users-pact-fragments' {@link SumoPactVerification}; the README of
 * contract-tests shows this class.
 */
// README-SNIPPET-START
@Provider(SumoPact.PROVIDER)
@Consumer("billing-service")
@PactFolder("target/pacts")
class BillingServiceVerificationIT {

  @RegisterExtension static final SumoPactVerification SUMO = SumoPactVerification.embedded();

  @BeforeEach
  void onTheEmulator(PactVerificationContext context) {
    SUMO.prepare(context);
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void sumoHonoursOurPact(PactVerificationContext context) {
    context.verifyInteraction();
  }
}
// README-SNIPPET-END
