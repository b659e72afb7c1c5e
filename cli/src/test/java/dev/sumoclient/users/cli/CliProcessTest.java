package dev.sumoclient.users.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sumoclient.users.emulator.EmulatedUser;
import dev.sumoclient.users.emulator.RecordedRequest;
import dev.sumoclient.users.emulator.SumoEmulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sumo-users as a child JVM against an emulator: what an administrator's shell runs. */
class CliProcessTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  SumoEmulator emulator;

  @AfterEach
  void stop() {
    if (emulator != null) {
      emulator.close();
    }
  }

  ChildCli.Result cli(String... args) throws Exception {
    return ChildCli.run(emulator, dir, args);
  }

  @Test
  void everyCommandEndToEnd() throws Exception {
    emulator = SumoEmulator.builder().port(0).seedUsers(5).limits(false).start();
    EmulatedUser a = emulator.users().get(0);
    EmulatedUser b = emulator.users().get(1);

    ChildCli.Result list = cli("users", "list", "-o", "csv", "--fields", "email");
    assertThat(list.exitCode()).as(list.err()).isZero();
    assertThat(list.out().lines()).hasSize(6).contains("\"" + a.email() + "\"");
    assertThat(cli("users", "get", a.email(), "-o", "ndjson").out()).contains(a.id());
    ChildCli.Result create =
        cli(
            "users",
            "create",
            "--email",
            "child@example.com",
            "--first-name",
            "Child",
            "--role",
            "0000000000000A01");
    assertThat(create.exitCode()).as(create.err()).isZero();
    assertThat(cli("users", "update", "child@example.com", "--last-name", "Process").exitCode())
        .isZero();
    assertThat(emulator.userByEmail("child@example.com").orElseThrow().lastName())
        .isEqualTo("Process");
    assertThat(cli("users", "deactivate", "child@example.com").exitCode()).isZero();
    assertThat(emulator.userByEmail("child@example.com").orElseThrow().active()).isFalse();
    assertThat(cli("users", "activate", "child@example.com").exitCode()).isZero();
    emulator.lockUser(b.id());
    assertThat(cli("users", "unlock", b.id()).exitCode()).isZero();
    assertThat(emulator.user(b.id()).orElseThrow().locked()).isFalse();
    assertThat(cli("users", "reset-password", b.email()).exitCode()).isZero();
    assertThat(emulator.passwordResets()).hasSize(1);
    assertThat(
            cli("users", "request-email-change", b.id(), "--new-email", "b2@example.com")
                .exitCode())
        .isZero();
    assertThat(emulator.emailChanges()).hasSize(1);
    emulator.enableMfa(b.id());
    ChildCli.Result mfa =
        ChildCli.run(
            ChildCli.builder(
                emulator,
                dir,
                List.of(),
                List.of("users", "disable-mfa", b.id(), "--password-stdin")),
            "child-Passw0rd\n",
            Duration.ofSeconds(30));
    assertThat(mfa.exitCode()).as(mfa.err()).isZero();
    assertThat(emulator.user(b.id()).orElseThrow().mfaEnabled()).isFalse();
    ChildCli.Result delete =
        cli("users", "delete", "child@example.com", "--transfer-to-me", "--yes");
    assertThat(delete.exitCode()).as(delete.err()).isZero();
    assertThat(emulator.userByEmail("child@example.com")).isEmpty();
    Path team = SyncFiles.newUsers(dir, "synced", 1);
    ChildCli.Result sync = cli(SyncFiles.apply(team));
    assertThat(sync.exitCode()).as(sync.err()).isZero();
    assertThat(emulator.userByEmail("synced0@example.com")).isPresent();
    ChildCli.Result usage = cli("users", "delete", a.id());
    assertThat(usage.exitCode()).isEqualTo(2);
    assertThat(usage.err().lines().count()).isEqualTo(2);
    assertThat(cli("users", "get", "0000000000000FFF").exitCode()).isEqualTo(1);
    assertThat(cli("--version").out()).startsWith("sumo-users ");
    // The secret given on stdin went nowhere else.
    assertThat(emulator.journal().requests().stream().map(RecordedRequest::body))
        .noneMatch(body -> body.contains("child-Passw0rd"));
  }

  /** 1,000 rows against 300 users: 800 creates, 100 updates, 100 unchanged, 100 prunes. */
  @Test
  void syncPlanAndApplyOnAThousandUserFileThenASecondApplyChangesNothing() throws Exception {
    emulator = SumoEmulator.builder().port(0).seedUsers(300).limits(false).start();
    List<EmulatedUser> seeded = emulator.users();
    List<String> lines = new ArrayList<>(List.of(SyncFiles.HEADER_WITH_ACTIVE));
    for (int i = 0; i < 200; i++) {
      EmulatedUser u = seeded.get(i);
      lines.add(i < 100 ? SyncFiles.row(u, "Changed" + i) : SyncFiles.row(u));
    }
    for (int i = 0; i < 800; i++) {
      lines.add("new" + i + "@example.com,New,User" + i + ",0000000000000A01,true");
    }
    Path team = SyncFiles.write(dir, "team.csv", lines);
    long activeAbsent = seeded.subList(200, 300).stream().filter(EmulatedUser::active).count();

    ChildCli.Result plan = cli(SyncFiles.sync(team, "--prune", "deactivate"));
    assertThat(plan.exitCode()).as(plan.err()).isZero();
    assertThat(plan.out())
        .contains(
            "Plan: 800 to create, 100 to update, "
                + activeAbsent
                + " to deactivate, 0 to delete, 100 unchanged.");
    assertThat(emulator.users()).hasSize(300);

    ChildCli.Result apply =
        cli(
            SyncFiles.apply(
                team,
                "--prune",
                "deactivate",
                "--requests-per-second",
                "1000",
                "--progress-interval",
                "PT1S"));
    assertThat(apply.exitCode()).as(apply.err()).isZero();
    assertThat(apply.out())
        .contains(
            "Applied: 800 created, 100 updated, " + activeAbsent + " deactivated, 0 deleted.");
    // Not a terminal: plain progress lines, first and last at least.
    assertThat(apply.err()).contains("sync: 0/" + (900 + activeAbsent) + " steps (0%)");
    assertThat(apply.err())
        .contains("sync: " + (900 + activeAbsent) + "/" + (900 + activeAbsent) + " steps (100%)");
    assertThat(apply.err()).doesNotContain("\r");
    assertThat(emulator.users()).hasSize(1100);
    assertThat(emulator.userByEmail("new799@example.com")).isPresent();
    assertThat(emulator.user(seeded.get(5).id()).orElseThrow().lastName()).isEqualTo("Changed5");
    assertThat(emulator.user(seeded.get(250).id()).orElseThrow().active()).isFalse();

    emulator.journal().clear();
    ChildCli.Result again = cli(SyncFiles.apply(team, "--prune", "deactivate"));
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out())
        .contains("Plan: 0 to create, 0 to update, 0 to deactivate, 0 to delete, 1000 unchanged.")
        .contains("Nothing to do");
    assertThat(emulator.journal().requests()).allMatch(r -> r.method().equals("GET"));
  }

  @Test
  void anApplyKilledHalfwayIsResumedWithoutADuplicateCreate() throws Exception {
    emulator = SumoEmulator.builder().port(0).seedUsers(2).limits(false).start();
    Path team = SyncFiles.newUsers(dir, "k", 300);
    Path journal = dir.resolve("team.csv.journal");
    Process first =
        ChildCli.builder(
                emulator,
                dir,
                List.of(),
                List.of(SyncFiles.apply(team, "--requests-per-second", "40")))
            .redirectOutput(dir.resolve("first.out").toFile())
            .redirectError(dir.resolve("first.err").toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (doneLines(journal) < 60) {
      assertThat(first.isAlive()).as("the first apply runs until killed").isTrue();
      assertThat(System.nanoTime()).isLessThan(deadline);
      Thread.sleep(50);
    }
    first.destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up
    first.waitFor(10, TimeUnit.SECONDS);
    int createdBeforeKill = emulator.users().size() - 2;
    assertThat(createdBeforeKill).isBetween(60, 299);
    assertThat(Files.readString(journal)).doesNotContain("complete");

    ChildCli.Result resumed = cli(SyncFiles.apply(team, "--requests-per-second", "1000"));
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.err()).contains("resuming from " + journal);
    assertThat(emulator.users()).hasSize(302);

    Map<String, Long> createsPerEmail =
        emulator.journal().requests("POST", "/api/v1/users").stream()
            .map(r -> email(r.body()))
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(createsPerEmail).hasSize(300);
    assertThat(createsPerEmail.values()).allMatch(n -> n == 1);
  }

  static long doneLines(Path journal) throws Exception {
    if (!Files.exists(journal)) {
      return 0;
    }
    return Files.readAllLines(journal, StandardCharsets.UTF_8).stream()
        .filter(l -> l.startsWith("done "))
        .count();
  }

  static String email(String body) {
    try {
      return JSON.readTree(body).get("email").asText();
    } catch (Exception e) {
      throw new AssertionError(body, e);
    }
  }

  /**
   * With Sumo's 4 requests/s enforced by the emulator, the client waits instead of being throttled.
   */
  @Test
  void applyKeepsToTheQuotaAndItsEtaComesFromIt() throws Exception {
    emulator = SumoEmulator.builder().port(0).seedUsers(2).limits(true).start();
    Path team = SyncFiles.newUsers(dir, "q", 12);
    ChildCli.Result r = cli(SyncFiles.apply(team, "--progress-interval", "PT1S"));
    assertThat(r.exitCode()).as(r.err()).isZero();
    // 12 creates at 4 requests/s: 3 s, known before the first call.
    assertThat(r.err()).contains("sync: 0/12 steps (0%), -, ETA 3s (quota 4 requests/s)");
    assertThat(r.err()).contains("sync: 12/12 steps (100%)");
    assertThat(emulator.users()).hasSize(14);
    assertThat(emulator.journal().requests()).noneMatch(req -> req.status() == 429);
  }
}
