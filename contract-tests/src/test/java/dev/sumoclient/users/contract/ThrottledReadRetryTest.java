package dev.sumoclient.users.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.emulator.RecordedRequest;
import dev.sumoclient.users.emulator.SumoEmulator;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The client retries a read answered 429, against the emulator's injected 429. */
class ThrottledReadRetryTest {

  @Test
  void aThrottledReadIsRetriedAndTheRetryReturnsTheUser() {
    try (SumoEmulator emulator =
            SumoEmulator.builder()
                .accessKey(ContractClients.ACCESS_ID, ContractClients.ACCESS_KEY)
                .seedUsers(1)
                .start();
        SumoUsersClient client =
            ContractClients.against(URI.create("http://127.0.0.1:" + emulator.port()))) {
      String id = emulator.users().get(0).id();
      emulator.faults().failNext(1, 429);

      assertThat(client.getUser(id).getId()).isEqualTo(id);

      assertThat(emulator.journal().requests())
          .extracting(RecordedRequest::status)
          .containsExactly(429, 200);
    }
  }
}
