package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.cfg.PackageVersion;
import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.SumoValidationException;
import dev.sumoclient.users.emulator.SumoEmulator;
import dev.sumoclient.users.emulator.junit.SumoEmulatorClientExtension;
import dev.sumoclient.users.generated.model.CreateUserDefinition;
import dev.sumoclient.users.generated.model.UserModel;
import jakarta.validation.Validation;
import java.util.List;
import org.hibernate.validator.HibernateValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The client's validation and JSON on the versions Spring Boot 3.5 manages, against the emulator.
 */
class ValidationAndJsonUnderBootTest {

  @RegisterExtension
  static final SumoEmulatorClientExtension SUMO =
      SumoEmulatorClientExtension.configured(b -> b.seedUsers(5)).resetBeforeEachTest();

  @Test
  void runsOnSpringBootsVersionsNotOurs() {
    assertEquals(2, PackageVersion.VERSION.getMajorVersion());
    assertEquals(19, PackageVersion.VERSION.getMinorVersion(), PackageVersion.VERSION.toString());
    assertTrue(jarOf(HibernateValidator.class).startsWith("hibernate-validator-8.0."));
    assertTrue(jarOf(Validation.class).startsWith("jakarta.validation-api-3.0."));
  }

  private static String jarOf(Class<?> type) {
    String location = type.getProtectionDomain().getCodeSource().getLocation().getPath();
    return location.substring(location.lastIndexOf('/') + 1);
  }

  @Test
  void aBadEmailIsRefusedBeforeSendingNamingTheFieldAndRule(
      SumoUsersClient client, SumoEmulator emulator) {
    int before = emulator.journal().size();

    SumoValidationException e =
        assertThrows(
            SumoValidationException.class,
            () ->
                client.createUser(
                    new CreateUserDefinition()
                        .firstName("Ann")
                        .lastName("Example")
                        .email("not-an-address")
                        .roleIds(List.of())));

    assertTrue(
        e.violations().stream().anyMatch(v -> v.field().equals("createUser.email")),
        e.getMessage());
    assertEquals(before, emulator.journal().size());
  }

  @Test
  void usersRoundTripThroughJson(SumoUsersClient client) {
    UserModel created =
        client.createUser(
            new CreateUserDefinition()
                .firstName("Zoë")
                .lastName("Ünal")
                .email("zoe@example.com")
                .roleIds(List.of()));

    UserModel read = client.getUser(created.getId());
    assertEquals("Zoë", read.getFirstName());
    assertEquals("Ünal", read.getLastName());
    assertNotNull(read.getCreatedAt());
    assertEquals(created.getCreatedAt().toInstant(), read.getCreatedAt().toInstant());

    long listed = client.listUsers().stream().count();
    assertEquals(6, listed);
  }
}
