package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sumoclient.users.ContentDisposition;
import dev.sumoclient.users.SumoNotFoundException;
import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.SumoValidationException;
import dev.sumoclient.users.emulator.ContentTransfer;
import dev.sumoclient.users.emulator.SumoEmulator;
import dev.sumoclient.users.emulator.junit.SumoEmulatorClientExtension;
import dev.sumoclient.users.generated.model.CreateUserDefinition;
import dev.sumoclient.users.generated.model.UserModel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Real calls through the client against the emulator, injected by sumo-users-emulator-junit. */
class OffboardingTest {

  @RegisterExtension
  static final SumoEmulatorClientExtension SUMO =
      SumoEmulatorClientExtension.configured(b -> b.seedUsers(3)).resetBeforeEachTest();

  private static UserModel create(SumoUsersClient client, String first, String email) {
    return client.createUser(
        new CreateUserDefinition()
            .firstName(first)
            .lastName("Example")
            .email(email)
            .roleIds(List.of()));
  }

  @Test
  void theLeaversContentGoesToTheSuccessor(SumoUsersClient client, SumoEmulator emulator) {
    UserModel leaver = create(client, "Lea", "lea@example.com");
    UserModel successor = create(client, "Sam", "sam@example.com");

    String to = new Offboarding(client).offboard("lea@example.com", "sam@example.com");

    assertEquals(successor.getId(), to);
    assertThrows(SumoNotFoundException.class, () -> client.getUser(leaver.getId()));
    ContentTransfer transfer = emulator.contentTransfers().get(0);
    assertEquals(leaver.getId(), transfer.deletedUserId());
    assertEquals(successor.getId(), transfer.recipientId());
  }

  @Test
  void aTransferToTheUserBeingDeletedIsRefusedBeforeSending(
      SumoUsersClient client, SumoEmulator emulator) {
    UserModel leaver = create(client, "Lea", "lea@example.com");
    int requestsBefore = emulator.journal().size();

    SumoValidationException e =
        assertThrows(
            SumoValidationException.class,
            () -> client.deleteUser(leaver.getId(), ContentDisposition.transferTo(leaver)));

    assertTrue(e.getMessage().contains("transferTo"), e.getMessage());
    assertEquals(requestsBefore, emulator.journal().size());
    assertEquals(leaver.getId(), client.getUser(leaver.getId()).getId());
  }
}
