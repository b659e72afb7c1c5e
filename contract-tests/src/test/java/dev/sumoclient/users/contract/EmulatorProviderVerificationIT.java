package dev.sumoclient.users.contract;

import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.sumoclient.users.pact.SumoPact;
import dev.sumoclient.users.pact.SumoPactVerification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Replays every pact with Sumo's User Management API (the SDK's and the example services') against
 * the emulator, one test per interaction, with a fresh emulator for each, through the published
 * {@link SumoPactVerification}: the states are the emulator's own, exactly what a service gets.
 */
@Provider(SumoPact.PROVIDER)
@PactFolder("${sumo.pacts.dir}")
class EmulatorProviderVerificationIT {

  @RegisterExtension
  static final SumoPactVerification SUMO =
      SumoPactVerification.embedded(
          emulator ->
              emulator
                  .accessKey(SumoPact.EMULATOR_ACCESS_ID, SumoPact.EMULATOR_ACCESS_KEY)
                  .accessKey(ContractClients.ACCESS_ID, ContractClients.ACCESS_KEY));

  @BeforeEach
  void onTheEmulator(PactVerificationContext context) {
    SUMO.prepare(context);
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void theEmulatorHonoursTheInteraction(PactVerificationContext context) {
    context.verifyInteraction();
  }
}
