package dev.sumoclient.users.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sumoclient.users.emulator.ContentTransfer;
import dev.sumoclient.users.emulator.EmulatedUser;
import dev.sumoclient.users.emulator.SumoEmulator;
import dev.sumoclient.users.emulator.SumoEmulatorExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Every users command in-process against an emulator, output captured. */
class UsersCommandsTest {
  @RegisterExtension
  static final SumoEmulatorExtension SUMO =
      SumoEmulatorExtension.configured(b -> b.seedUsers(40).limits(false)).resetBeforeEachTest();

  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;
  SumoEmulator emulator;
  CliRun cli;

  @BeforeEach
  void pointAt(SumoEmulator emulator) {
    this.emulator = emulator;
    cli = CliRun.against(emulator, home);
  }

  EmulatedUser someone(int index) {
    return emulator.users().get(index);
  }

  @Test
  void listPrintsATableWithTheDefaultColumnsAndEveryUser() {
    CliRun.Result r = cli.run("users", "list");
    assertThat(r.exitCode()).isZero();
    assertThat(r.outLines().get(0).split("\\s+"))
        .containsExactly(
            "id",
            "email",
            "firstName",
            "lastName",
            "isActive",
            "isLocked",
            "isMfaEnabled",
            "lastLoginTimestamp");
    assertThat(r.outLines()).hasSize(41);
    assertThat(r.out()).contains(someone(3).email());
  }

  @Test
  void listAsNdjsonCsvAndJsonWithChosenFields() throws Exception {
    CliRun.Result nd =
        cli.run("users", "list", "-o", "ndjson", "--fields", "id,email,isMfaEnabled");
    assertThat(nd.outLines()).hasSize(40);
    JsonNode first = JSON.readTree(nd.outLines().get(0));
    assertThat(first.fieldNames()).toIterable().containsExactly("id", "email", "isMfaEnabled");

    CliRun.Result csv = cli.run("users", "list", "-o", "csv", "--fields", "email,roleIds");
    assertThat(csv.outLines().get(0)).isEqualTo("email,roleIds");
    assertThat(csv.outLines()).hasSize(41);

    CliRun.Result json = cli.run("users", "list", "--output", "json");
    JsonNode array = JSON.readTree(json.out());
    assertThat(array.size()).isEqualTo(40);
    assertThat(array.get(0).has("createdAt")).isTrue();
  }

  @Test
  void unknownFieldIsAUsageErrorNamingTheKnownOnes() {
    CliRun.Result r = cli.run("users", "list", "--fields", "id,password");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("unknown field 'password'").contains("isMfaEnabled");
  }

  @Test
  void auditFiltersSelectExactlyTheMatchingUsersAndCombine() throws Exception {
    EmulatedUser locked = emulator.lockUser(someone(0).id());
    List<EmulatedUser> all = emulator.users();
    Set<String> noMfa =
        all.stream()
            .filter(u -> !u.mfaEnabled())
            .map(EmulatedUser::email)
            .collect(Collectors.toSet());
    Set<String> never =
        all.stream()
            .filter(u -> u.lastLoginTimestamp() == null)
            .map(EmulatedUser::email)
            .collect(Collectors.toSet());
    Instant cutoff = Instant.now().minus(Duration.ofDays(90));
    Set<String> stale =
        all.stream()
            .filter(
                u ->
                    (u.lastLoginTimestamp() != null ? u.lastLoginTimestamp() : u.createdAt())
                        .isBefore(cutoff))
            .map(EmulatedUser::email)
            .collect(Collectors.toSet());
    String role = someone(1).roleIds().get(0);
    Set<String> withRole =
        all.stream()
            .filter(u -> u.roleIds().contains(role))
            .map(EmulatedUser::email)
            .collect(Collectors.toSet());

    Set<String> lockedNow =
        emulator.users().stream()
            .filter(EmulatedUser::locked)
            .map(EmulatedUser::email)
            .collect(Collectors.toSet());
    assertThat(lockedNow).contains(locked.email());
    assertThat(emails("--locked")).isEqualTo(lockedNow);
    assertThat(emails("--no-mfa")).isEqualTo(noMfa).isNotEmpty();
    assertThat(emails("--never-logged-in")).isEqualTo(never).isNotEmpty();
    assertThat(emails("--no-login-since", "90d")).isEqualTo(stale).isNotEmpty();
    assertThat(emails("--role", role)).isEqualTo(withRole);
    Set<String> both = new java.util.HashSet<>(noMfa);
    both.retainAll(never);
    assertThat(emails("--no-mfa", "--never-logged-in")).isEqualTo(both);
  }

  private Set<String> emails(String... filters) throws Exception {
    List<String> args = CliRun.args("users", "list", "-o", "ndjson", "--fields", "email");
    args.addAll(List.of(filters));
    CliRun.Result r = cli.run(args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.err()).isZero();
    Set<String> emails = new java.util.HashSet<>();
    for (String line : r.outLines()) {
      emails.add(JSON.readTree(line).get("email").asText());
    }
    return emails;
  }

  @Test
  void badAgeIsAUsageError() {
    CliRun.Result r = cli.run("users", "list", "--no-login-since", "ninety days");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--no-login-since").contains("90d");
  }

  @Test
  void getByIdOrEmail() throws Exception {
    EmulatedUser u = someone(5);
    JsonNode byId = JSON.readTree(cli.run("users", "get", u.id(), "-o", "json").out()).get(0);
    JsonNode byEmail = JSON.readTree(cli.run("users", "get", u.email(), "-o", "json").out()).get(0);
    assertThat(byId.get("email").asText()).isEqualTo(u.email());
    assertThat(byEmail.get("id").asText()).isEqualTo(u.id());
  }

  @Test
  void createUpdateDeactivateActivate() throws Exception {
    CliRun.Result created =
        cli.run(
            "users",
            "create",
            "--email",
            "new.person@example.com",
            "--first-name",
            "New",
            "--last-name",
            "Person",
            "--role",
            "0000000000000A01",
            "-o",
            "json");
    assertThat(created.exitCode()).as(created.err()).isZero();
    EmulatedUser user = emulator.userByEmail("new.person@example.com").orElseThrow();
    assertThat(user.roleIds()).containsExactly("0000000000000A01");

    CliRun.Result updated =
        cli.run(
            "users",
            "update",
            "new.person@example.com",
            "--last-name",
            "Renamed",
            "--add-role",
            "0000000000000B01");
    assertThat(updated.exitCode()).as(updated.err()).isZero();
    user = emulator.user(user.id()).orElseThrow();
    assertThat(user.lastName()).isEqualTo("Renamed");
    assertThat(user.firstName()).isEqualTo("New");
    assertThat(user.roleIds()).containsExactly("0000000000000A01", "0000000000000B01");

    assertThat(cli.run("users", "deactivate", user.email()).exitCode()).isZero();
    assertThat(emulator.user(user.id()).orElseThrow().active()).isFalse();
    assertThat(cli.run("users", "activate", user.id()).exitCode()).isZero();
    assertThat(emulator.user(user.id()).orElseThrow().active()).isTrue();
  }

  @Test
  void createBreakingARuleIsRefusedBeforeSending() {
    emulator.journal().clear();
    CliRun.Result r =
        cli.run("users", "create", "--email", "not-an-email", "--first-name", "X", "--role", "R1");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("invalid input").contains("email").contains("nothing was sent");
    assertThat(emulator.journal().requests("POST", "/api/v1/users")).isEmpty();
  }

  @Test
  void deleteNeedsExactlyOneContentChoice() {
    String id = someone(2).id();
    assertThat(cli.run("users", "delete", id, "--yes").exitCode()).isEqualTo(2);
    CliRun.Result both =
        cli.run("users", "delete", id, "--delete-content", "--transfer-to-me", "--yes");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("mutually exclusive");
    assertThat(emulator.user(id)).isPresent();
  }

  @Test
  void deleteTransfersContentToAUserNamedByEmail() {
    EmulatedUser leaver = someone(2);
    EmulatedUser heir = someone(3);
    CliRun.Result r =
        cli.run("users", "delete", leaver.email(), "--transfer-to", heir.email(), "--yes");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(emulator.user(leaver.id())).isEmpty();
    ContentTransfer transfer = emulator.contentTransfers().get(0);
    assertThat(transfer.disposition()).isEqualTo(ContentTransfer.Disposition.TRANSFERRED_TO_USER);
    assertThat(transfer.recipientId()).isEqualTo(heir.id());
  }

  @Test
  void deleteWithoutATerminalNeedsYes() {
    String id = someone(2).id();
    CliRun.Result r = cli.run("users", "delete", id, "--delete-content");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--yes");
    assertThat(emulator.user(id)).isPresent();
  }

  @Test
  void unlockResetPasswordAndRequestEmailChange() {
    EmulatedUser u = emulator.lockUser(someone(4).id());
    assertThat(cli.run("users", "unlock", u.email()).exitCode()).isZero();
    assertThat(emulator.user(u.id()).orElseThrow().locked()).isFalse();

    assertThat(cli.run("users", "reset-password", u.id()).exitCode()).isZero();
    assertThat(emulator.passwordResets())
        .singleElement()
        .satisfies(p -> assertThat(p.userId()).isEqualTo(u.id()));

    CliRun.Result change =
        cli.run("users", "request-email-change", u.id(), "--new-email", "moved@example.com");
    assertThat(change.exitCode()).as(change.err()).isZero();
    assertThat(emulator.emailChanges())
        .singleElement()
        .satisfies(c -> assertThat(c.toString()).contains("moved@example.com"));
  }

  @Test
  void disableMfaReadsThePasswordFromStdinOrAPromptNeverFromArguments() {
    EmulatedUser u = emulator.enableMfa(someone(6).id());
    cli.stdin = "s3cret-Passw0rd\n";
    CliRun.Result r = cli.run("users", "disable-mfa", u.email(), "--password-stdin");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(emulator.user(u.id()).orElseThrow().mfaEnabled()).isFalse();
    assertThat(r.out() + r.err()).doesNotContain("s3cret");

    EmulatedUser v = emulator.enableMfa(someone(7).id());
    cli.stdin = "";
    CliRun.Result noTerminal = cli.run("users", "disable-mfa", v.id());
    assertThat(noTerminal.exitCode()).isEqualTo(2);
    assertThat(noTerminal.err()).contains("--password-stdin");

    String[] asked = new String[1];
    cli.passwordReader =
        prompt -> {
          asked[0] = prompt;
          return "typed-Passw0rd".toCharArray();
        };
    assertThat(cli.run("users", "disable-mfa", v.id()).exitCode()).isZero();
    assertThat(asked[0]).contains(v.email());
    assertThat(emulator.user(v.id()).orElseThrow().mfaEnabled()).isFalse();

    CliRun.Result onCommandLine = cli.run("users", "disable-mfa", v.id(), "--password", "x");
    assertThat(onCommandLine.exitCode()).isEqualTo(2);
  }

  @Test
  void throttlingIsOneLineExitOneAndNoStackTraceUnlessDebug() {
    emulator.faults().failNext(20, 429, Duration.ofMillis(1));
    CliRun.Result r = cli.run("users", "get", someone(1).id());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err().strip().lines())
        .singleElement()
        .asString()
        .contains("429")
        .contains("quota");
    assertThat(r.err()).doesNotContain("\tat ");

    emulator.faults().clear().failNext(20, 429, Duration.ofMillis(1));
    CliRun.Result debug = cli.run("users", "get", someone(1).id(), "--debug");
    assertThat(debug.exitCode()).isEqualTo(1);
    assertThat(debug.err()).contains("SumoThrottledException").contains("\tat ");
  }

  @Test
  void unknownUserIsExitOne() {
    CliRun.Result r = cli.run("users", "get", "nobody@example.com");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("no user has the email address nobody@example.com");
  }

  @Test
  void usageErrorsAreExitTwo() {
    assertThat(cli.run("users", "frobnicate").exitCode()).isEqualTo(2);
    assertThat(cli.run("users", "list", "--output", "yaml").exitCode()).isEqualTo(2);
  }

  @Test
  void noDeploymentAnywhereIsExplained() {
    CliRun bare = new CliRun(home);
    CliRun.Result r = bare.run("users", "list");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--deployment").contains("--emulator");
  }

  @Test
  void tryItModeRunsAgainstAnEmbeddedEmulatorSeededWithNUsers() {
    CliRun bare = new CliRun(home);
    CliRun.Result r = bare.run("--emulator", "--users", "7", "users", "list", "-o", "ndjson");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.outLines()).hasSize(7);
    CliRun.Result after = bare.run("users", "list", "--emulator", "--users", "3", "-o", "csv");
    assertThat(after.outLines()).hasSize(4);
  }

  @Test
  void completionScriptGeneratedAtBuildTimeCoversEveryCommand() {
    CliRun.Result r = new CliRun(home).run("completion");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains("complete -F")
        .contains("request-email-change")
        .contains("disable-mfa")
        .contains("sync")
        .contains("--prune");
  }

  @Test
  void aTimeoutIsOneLineAndExitOne() {
    emulator.faults().latency(Duration.ofSeconds(3));
    CliRun.Result r = cli.run("users", "get", someone(1).id(), "--timeout", "500ms");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err().strip().lines())
        .singleElement()
        .asString()
        .startsWith("sumo-users: timed out");
    assertThat(cli.run("users", "list", "--timeout", "soon").exitCode()).isEqualTo(2);
  }

  @Test
  void quotaGroupOptionAndTheClientsQuotaVariablesReachTheClient() {
    CliRun.Result blank = cli.run("users", "list", "--quota-group", " ");
    assertThat(blank.exitCode()).isEqualTo(2);
    assertThat(blank.err()).contains("quotaGroup");
    assertThat(cli.run("users", "list", "--quota-group", "admins@example.com").exitCode()).isZero();

    // The client's environment chain reads the shared-quota store's URL by itself; without the
    // Redis module on the class path it says so, naming the variable and never the password.
    cli.env.put("SUMOLOGIC_QUOTA_REDIS_URL", "redis://:hunter2-secret@127.0.0.1:6390");
    CliRun.Result redis = cli.run("users", "list");
    assertThat(redis.exitCode()).isEqualTo(2);
    assertThat(redis.err()).contains("SUMOLOGIC_QUOTA_REDIS_URL").doesNotContain("hunter2-secret");
  }

  @Test
  void emulatorSubcommandHandsOverToTheEmulatorsOwnCommandLine() {
    CliRun.Result help = new CliRun(home).run("emulator", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("--users-file").contains("--limits");
    assertThat(new CliRun(home).run("emulator", "--no-such-option").exitCode()).isEqualTo(2);
  }
}
