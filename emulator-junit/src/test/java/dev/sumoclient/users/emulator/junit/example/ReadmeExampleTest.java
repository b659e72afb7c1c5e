package dev.sumoclient.users.emulator.junit.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.emulator.SumoEmulator;
import dev.sumoclient.users.emulator.junit.SumoEmulatorClientExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The README's emulator example, compiled and run; the README copies the marked region and the
 * imports it uses (hence its own package, where every type it uses is imported).
 */
class ReadmeExampleTest {

  // readme:begin
  @RegisterExtension
  static final SumoEmulatorClientExtension SUMO =
      SumoEmulatorClientExtension.configured(emulator -> emulator.seedUsers(20));

  @Test
  void findsAUser(SumoUsersClient client, SumoEmulator emulator) {
    String email = emulator.users().get(0).email();

    assertThat(client.findByEmail(email))
        .get()
        .extracting(user -> user.getEmail())
        .isEqualTo(email);
  }
  // readme:end
}
