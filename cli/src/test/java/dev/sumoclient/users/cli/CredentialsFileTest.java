package dev.sumoclient.users.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumoclient.users.emulator.SumoEmulator;
import dev.sumoclient.users.emulator.SumoEmulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Profiles of ~/.sumologic/credentials, its permission check, and that keys never show. */
class CredentialsFileTest {
  @RegisterExtension
  static final SumoEmulatorExtension SUMO =
      SumoEmulatorExtension.configured(
          b ->
              b.seedUsers(3).limits(false).accessKey("suTeamAccessId", "team-key-VERY-secret-123"));

  @TempDir Path home;
  SumoEmulator emulator;

  @BeforeEach
  void keep(SumoEmulator emulator) {
    this.emulator = emulator;
  }

  Path credentials(String mode, String... lines) throws Exception {
    Path dir = Files.createDirectories(home.resolve(".sumologic"));
    Path file = dir.resolve("credentials");
    Files.write(file, List.of(lines));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    return file;
  }

  String[] profileLines() {
    return new String[] {
      "[default]",
      "access_id = suNobody",
      "access_key = wrong-key-also-secret",
      "deployment = us2",
      "",
      "[team]",
      "access_id = suTeamAccessId",
      "access_key = team-key-VERY-secret-123",
      "endpoint = " + emulator.baseUri()
    };
  }

  @Test
  void aNamedProfileGivesKeysAndEndpoint() throws Exception {
    credentials("rw-------", profileLines());
    CliRun.Result r = new CliRun(home).run("--profile", "team", "users", "list", "-o", "csv");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.outLines()).hasSize(4);
  }

  @Test
  void sumologicProfileVariableChoosesTheProfile() throws Exception {
    credentials("rw-------", profileLines());
    CliRun cli = new CliRun(home);
    cli.env.put("SUMOLOGIC_PROFILE", "team");
    assertThat(cli.run("users", "list").exitCode()).isZero();
  }

  @Test
  void aFileOthersCanReadIsRefusedAndNoKeyIsPrinted() throws Exception {
    Path file = credentials("rw-r--r--", profileLines());
    CliRun.Result r = new CliRun(home).run("--profile", "team", "users", "list", "--debug");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains(file.toString())
        .contains("rw-r--r--")
        .contains("chmod 600")
        .doesNotContain("team-key-VERY-secret-123")
        .doesNotContain("wrong-key-also-secret");
  }

  @Test
  void groupWritableIsRefusedToo() throws Exception {
    credentials("rw--w----", profileLines());
    assertThat(new CliRun(home).run("--profile", "team", "users", "list").exitCode()).isEqualTo(2);
  }

  @Test
  void environmentKeysWinOverTheDefaultProfileAndAMissingProfileIsNamed() throws Exception {
    credentials("rw-------", profileLines());
    CliRun cli = new CliRun(home);
    cli.env.put("SUMOLOGIC_ACCESSID", "suTeamAccessId");
    cli.env.put("SUMOLOGIC_ACCESSKEY", "team-key-VERY-secret-123");
    CliRun.Result r = cli.run("--endpoint", emulator.baseUri().toString(), "users", "list");
    assertThat(r.exitCode()).as(r.err()).isZero();

    CliRun.Result missing = new CliRun(home).run("--profile", "nope", "users", "list");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("no profile [nope]");
  }

  @Test
  void wrongKeysAreExplainedWithoutTheKey() throws Exception {
    credentials("rw-------", profileLines());
    CliRun.Result r =
        new CliRun(home).run("--endpoint", emulator.baseUri().toString(), "users", "list");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("unauthorized (401)").doesNotContain("wrong-key-also-secret");
  }
}
