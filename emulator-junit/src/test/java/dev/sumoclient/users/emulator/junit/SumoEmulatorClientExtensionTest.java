package dev.sumoclient.users.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumoclient.users.ContentDisposition;
import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.emulator.SumoEmulator;
import dev.sumoclient.users.generated.model.CreateUserDefinition;
import dev.sumoclient.users.generated.model.UserModel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SumoEmulatorClientExtensionTest {

  @RegisterExtension
  static final SumoEmulatorClientExtension SUMO =
      SumoEmulatorClientExtension.configured(emulator -> emulator.seedUsers(12))
          .resetBeforeEachTest();

  @Test
  void injectsAClientWiredToTheClassEmulator(SumoUsersClient client, SumoEmulator emulator) {
    List<UserModel> listed = client.listUsers().stream().toList();

    assertThat(listed).hasSize(12);
    assertThat(emulator.journal().requests())
        .as("the client's requests reached this emulator")
        .isNotEmpty();
    assertThat(client.endpoint()).isEqualTo(emulator.baseUri());
  }

  @Test
  void everyParameterOfATestGetsTheSameClassWideInstances(
      SumoUsersClient client, SumoUsersClient again, SumoEmulator emulator) {
    assertThat(again).isSameAs(client);
    UserModel created =
        client.createUser(
            new CreateUserDefinition()
                .firstName("Joan")
                .lastName("Clarke")
                .email("joan@example.org")
                .roleIds(List.of()));
    assertThat(emulator.user(created.getId())).isPresent();

    client.deleteUser(created.getId(), ContentDisposition.deleteContent());

    assertThat(emulator.user(created.getId())).isEmpty();
  }
}
