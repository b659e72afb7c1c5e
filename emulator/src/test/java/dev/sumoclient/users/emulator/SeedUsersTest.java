package dev.sumoclient.users.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedUsersTest {
  private static final Clock FIXED =
      Clock.fixed(Instant.parse("2026-05-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  private static List<EmulatedUser> seeded(SumoEmulator.Builder builder) {
    try (SumoEmulator emulator = builder.clock(FIXED).start()) {
      return emulator.users();
    }
  }

  @Test
  void generatesTheRequestedNumberOfPlausibleUsers() {
    List<EmulatedUser> users = seeded(SumoEmulator.builder().seedUsers(500));
    assertThat(users).hasSize(500);
    assertThat(users).allSatisfy(u -> assertThat(u.id()).matches("[0-9A-F]{16}"));
    assertThat(users.stream().map(EmulatedUser::email).distinct()).hasSize(500);
    assertThat(users).allSatisfy(u -> assertThat(u.createdAt()).isBeforeOrEqualTo(u.modifiedAt()));
    assertThat(users).anyMatch(EmulatedUser::locked).anyMatch(EmulatedUser::mfaEnabled);
    assertThat(users).anyMatch(u -> !u.active()).anyMatch(u -> u.lastLoginTimestamp() == null);
  }

  @Test
  void theSameSeedGivesTheSameUsersAndAnotherSeedOthers() {
    assertThat(seeded(SumoEmulator.builder().seedUsers(20).randomSeed(7)))
        .isEqualTo(seeded(SumoEmulator.builder().seedUsers(20).randomSeed(7)));
    assertThat(seeded(SumoEmulator.builder().seedUsers(20).randomSeed(8)))
        .isNotEqualTo(seeded(SumoEmulator.builder().seedUsers(20).randomSeed(7)));
  }

  @Test
  void loadsUsersFromAFileKeepingGivenFieldsAndFillingTheRest() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("users.json"),
            """
            [
              {"id": "00000000000A11CE", "firstName": "Alice", "lastName": "Liddell",
               "email": "alice@example.org", "roleIds": ["R1"], "isLocked": true,
               "lastLoginTimestamp": "2026-03-14T15:09:26.535+01:00",
               "createdAt": "2025-11-02T08:30:00Z", "createdBy": "0000000000C0FFEE"},
              {"firstName": "Bob", "lastName": "", "email": "bob@example.org"}
            ]
            """);
    List<EmulatedUser> users = seeded(SumoEmulator.builder().seedUsers(file).seedUsers(2));
    assertThat(users).hasSize(4);
    EmulatedUser alice = users.get(0);
    assertThat(alice.id()).isEqualTo("00000000000A11CE");
    assertThat(alice.locked()).isTrue();
    assertThat(alice.lastLoginTimestamp()).isEqualTo(Instant.parse("2026-03-14T14:09:26.535Z"));
    assertThat(alice.createdBy()).isEqualTo("0000000000C0FFEE");
    assertThat(alice.modifiedAt()).isEqualTo(alice.createdAt());
    EmulatedUser bob = users.get(1);
    assertThat(bob.id()).matches("[0-9A-F]{16}");
    assertThat(bob.active()).isTrue();
    assertThat(bob.roleIds()).isEmpty();
    assertThat(bob.createdAt())
        .as("a fixed, documented date, not the clock's now")
        .isEqualTo(Instant.parse("2020-01-01T00:00:00Z"))
        .isNotEqualTo(FIXED.instant());
    assertThat(bob.modifiedAt()).isEqualTo(bob.createdAt());
  }

  @Test
  void aSeedUserFieldTheApiDoesNotHaveIsAnErrorNamingIt() {
    assertThatThrownBy(
            () ->
                seeded(
                    SumoEmulator.builder()
                        .seedUsers(
                            stream(
                                "[{\"firstName\":\"A\",\"lastName\":\"B\",\"email\":\"a@example.org\","
                                    + "\"lastLogin\":\"2026-03-14T15:09:26Z\"}]"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("seed users[0].lastLogin: unknown field");
  }

  @Test
  void loadsAListUsersPageFromAStream() {
    String page =
        "{\"data\":[{\"firstName\":\"C\",\"lastName\":\"D\",\"email\":\"c@example.org\"}],"
            + "\"next\":\"ignored\"}";
    List<EmulatedUser> users =
        seeded(
            SumoEmulator.builder()
                .seedUsers(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8))));
    assertThat(users).extracting(EmulatedUser::email).containsExactly("c@example.org");
  }

  @Test
  void invalidSeedUsersFailAtStartNamingTheEntryAndField() {
    assertThatThrownBy(
            () ->
                seeded(
                    SumoEmulator.builder()
                        .seedUsers(stream("[{\"firstName\":\"A\",\"lastName\":\"B\"}]"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("seed users[0].email");
    assertThatThrownBy(
            () ->
                seeded(
                    SumoEmulator.builder()
                        .seedUsers(
                            stream(
                                "[{\"firstName\":\"A\",\"lastName\":\"B\",\"email\":\"a@example.org\"},"
                                    + "{\"firstName\":\"C\",\"lastName\":\"D\",\"email\":\"A@example.org\"}]"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("appears twice");
    assertThatThrownBy(() -> seeded(SumoEmulator.builder().seedUsers(stream("{\"users\": []}"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"data\" array");
    assertThatThrownBy(() -> SumoEmulator.builder().seedUsers(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("seedUsers");
  }

  private static ByteArrayInputStream stream(String json) {
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }
}
