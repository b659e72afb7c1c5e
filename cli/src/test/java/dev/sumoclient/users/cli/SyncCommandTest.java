package dev.sumoclient.users.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumoclient.users.emulator.EmulatedUser;
import dev.sumoclient.users.emulator.SumoEmulator;
import dev.sumoclient.users.emulator.SumoEmulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** users sync in-process: plan, validation, apply, idempotence, journal, progress lines. */
class SyncCommandTest {
  @RegisterExtension
  static final SumoEmulatorExtension SUMO =
      SumoEmulatorExtension.configured(b -> b.seedUsers(6).limits(false)).resetBeforeEachTest();

  @TempDir Path dir;
  SumoEmulator emulator;
  CliRun cli;

  @BeforeEach
  void pointAt(SumoEmulator emulator) {
    this.emulator = emulator;
    cli = CliRun.against(emulator, dir);
  }

  Path file(String name, String... lines) throws Exception {
    return SyncFiles.write(dir, name, List.of(lines));
  }

  int writes() {
    return emulator.journal().requests().stream()
        .filter(r -> !r.method().equals("GET"))
        .toList()
        .size();
  }

  @Test
  void planShowsCreatesUpdatesWithAFieldDiffAndPrunesAndChangesNothing() throws Exception {
    List<EmulatedUser> users = emulator.users();
    EmulatedUser kept = users.get(0);
    EmulatedUser renamed = users.get(1);
    Path team =
        file(
            "team.csv",
            SyncFiles.HEADER_WITH_ACTIVE,
            SyncFiles.row(kept),
            SyncFiles.row(renamed, "Newname"),
            "new.one@example.com,New,One,0000000000000A01,true");
    emulator.journal().clear();
    CliRun.Result r = cli.run(SyncFiles.sync(team, "--prune", "deactivate"));
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("+ create     new.one@example.com")
        .contains(
            "~ update     "
                + renamed.email()
                + "  lastName: \""
                + renamed.lastName()
                + "\" -> \"Newname\"")
        .contains("(line 3)")
        .contains("- deactivate " + users.get(2).email())
        .contains("Plan: 1 to create, 1 to update, ")
        .contains("1 unchanged")
        .contains("--apply");
    assertThat(r.out()).doesNotContain(kept.email());
    assertThat(writes()).isZero();
  }

  @Test
  void badRowsAreReportedWithLineAndRuleAndNothingIsApplied() throws Exception {
    Path team =
        file(
            "team.csv",
            SyncFiles.HEADER_WITH_ACTIVE,
            "good@example.com,Good,Row,0000000000000A01,true",
            "not-an-email,Bad,Email,0000000000000A01,true",
            "nofirst@example.com,,Name,0000000000000A01,true",
            "good@example.com,Twice,Row,0000000000000A01,true",
            "flag@example.com,Flag,Row,0000000000000A01,maybe");
    emulator.journal().clear();
    CliRun.Result r = cli.run(SyncFiles.apply(team));
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains("team.csv:3: email must be a well-formed email address")
        .contains("team.csv:4: firstName size must be between 1 and 128")
        .contains("team.csv:5: email repeats line 2")
        .contains("team.csv:6: active must be true or false")
        .contains("nothing was planned or sent");
    assertThat(emulator.journal().requests()).isEmpty();

    CliRun.Result skipping = cli.run(SyncFiles.apply(team, "--skip-invalid"));
    assertThat(skipping.exitCode()).as(skipping.err()).isZero();
    assertThat(emulator.userByEmail("good@example.com")).isPresent();
    assertThat(emulator.userByEmail("flag@example.com")).isEmpty();
  }

  @Test
  void jsonFilesWorkToo() throws Exception {
    Path team =
        file(
            "team.json",
            "[",
            "  {\"email\": \"j1@example.com\", \"firstName\": \"J\", \"lastName\": \"One\", \"roleIds\": [\"0000000000000A01\"]},",
            "  {\"email\": \"bad\", \"firstName\": \"J\", \"lastName\": \"Two\", \"roleIds\": []}",
            "]");
    CliRun.Result r = cli.run(SyncFiles.sync(team));
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("team.json:3: email must be a well-formed email address");
  }

  @Test
  void applyThenApplyAgainChangesNothingTheSecondTime() throws Exception {
    EmulatedUser renamed = emulator.users().get(1);
    Path team =
        file(
            "team.csv",
            SyncFiles.HEADER_WITH_ACTIVE,
            renamed.email() + "," + renamed.firstName() + ",Newname,0000000000000A01,true",
            "a@example.com,A,Person,0000000000000A01,true",
            "b@example.com,B,Person,0000000000000A01;0000000000000B01,false");
    CliRun.Result first = cli.run(SyncFiles.apply(team, "--progress-interval", "PT0S"));
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).contains("Applied: 2 created, 1 updated, 0 deactivated, 0 deleted.");
    assertThat(first.err()).contains("sync: 0/3 steps").contains("sync: 3/3 steps (100%)");
    assertThat(emulator.userByEmail("b@example.com").orElseThrow().active()).isFalse();
    assertThat(emulator.user(renamed.id()).orElseThrow().roleIds())
        .containsExactly("0000000000000A01");

    emulator.journal().clear();
    CliRun.Result second = cli.run(SyncFiles.apply(team));
    assertThat(second.exitCode()).isZero();
    assertThat(second.out()).contains("Nothing to do");
    assertThat(writes()).isZero();
  }

  @Test
  void answeringNoAtThePromptChangesNothing() throws Exception {
    Path team = file("team.csv", SyncFiles.HEADER, "n@example.com,N,P,0000000000000A01");
    cli.terminal = true;
    cli.stdin = "n\n";
    CliRun.Result r = cli.run(SyncFiles.sync(team, "--apply"));
    assertThat(r.out()).contains("Apply these 1 changes? [y/N]").contains("Nothing was changed.");
    assertThat(emulator.userByEmail("n@example.com")).isEmpty();
  }

  @Test
  void applyWithoutATerminalNeedsYes() throws Exception {
    Path team = file("team.csv", SyncFiles.HEADER, "c@example.com,C,P,0000000000000A01");
    CliRun.Result r = cli.run(SyncFiles.sync(team, "--apply"));
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--yes");
    assertThat(emulator.userByEmail("c@example.com")).isEmpty();
  }

  @Test
  void pruneDeleteNeedsAContentChoiceAndSparesTheHeir() throws Exception {
    List<EmulatedUser> users = emulator.users();
    Path team =
        file("team.csv", SyncFiles.HEADER, SyncFiles.row(users.get(0)).replaceAll(",[a-z]+$", ""));
    CliRun.Result noChoice = cli.run(SyncFiles.sync(team, "--prune", "delete"));
    assertThat(noChoice.exitCode()).isEqualTo(2);
    assertThat(noChoice.err()).contains("--transfer-to");

    EmulatedUser heir = users.get(5);
    CliRun.Result r =
        cli.run(SyncFiles.apply(team, "--prune", "delete", "--transfer-to", heir.email()));
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(emulator.users())
        .extracting(EmulatedUser::email)
        .containsExactlyInAnyOrder(users.get(0).email(), heir.email());
    assertThat(emulator.contentTransfers())
        .hasSize(4)
        .allSatisfy(t -> assertThat(t.recipientId()).isEqualTo(heir.id()));
  }

  @Test
  void aCreateTheJournalShowsAsStartedIsNotSentAgain() throws Exception {
    Path team = file("team.csv", SyncFiles.HEADER, "d@example.com,D,P,0000000000000A01");
    String sha = SyncFile.read(team).sha256;
    Path journal = dir.resolve("team.csv.journal");
    // As a run killed after sending the create and before recording its answer leaves it, while a
    // lagging listing does not show the user yet: the journal says done.
    Files.write(
        journal,
        List.of(
            "# sumo-users sync journal v1 sha256=" + sha,
            "start create d@example.com",
            "done create d@example.com 0000000000000DDD"));
    CliRun.Result r = cli.run(SyncFiles.apply(team));
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).contains("create d@example.com was done by an earlier run; not sent again");
    assertThat(emulator.journal().requests("POST", "/api/v1/users")).isEmpty();
  }

  @Test
  void aJournalOfAnotherFileIsRefused() throws Exception {
    Path team = file("team.csv", SyncFiles.HEADER, "e@example.com,E,P,0000000000000A01");
    Files.write(
        dir.resolve("team.csv.journal"),
        List.of("# sumo-users sync journal v1 sha256=abc", "start create x@example.com"));
    CliRun.Result r = cli.run(SyncFiles.apply(team));
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("another version of the file");
    assertThat(emulator.userByEmail("e@example.com")).isEmpty();
  }

  @Test
  void failedStepsMakeAPartialApplyExitThree() throws Exception {
    Path team =
        file(
            "team.csv",
            SyncFiles.HEADER,
            "f1@example.com,F,One,0000000000000A01",
            "f2@example.com,F,Two,0000000000000A01");
    // On a terminal the CLI asks before applying; the fault is armed while it waits, so that it
    // hits the first create and not the listing.
    java.io.PipedOutputStream keyboard = new java.io.PipedOutputStream();
    cli.input = new java.io.PipedInputStream(keyboard);
    cli.terminal = true;
    java.util.concurrent.CompletableFuture<CliRun.Result> run =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> cli.run(SyncFiles.sync(team, "--apply")));
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (cli.liveOut == null
        || !cli.liveOut.toString().contains("Apply these 2 changes? [y/N]")) {
      assertThat(System.nanoTime()).as("the confirmation prompt").isLessThan(deadline);
      Thread.sleep(20);
    }
    emulator.faults().failNext(1, 400);
    keyboard.write("y\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    keyboard.flush();
    CliRun.Result r = run.get(20, java.util.concurrent.TimeUnit.SECONDS);
    cli.terminal = false;
    cli.input = null;
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(3);
    assertThat(r.err())
        .contains("failed: create f1@example.com (line 2)")
        .contains("rerun the same command");
    CliRun.Result rerun = cli.run(SyncFiles.apply(team));
    assertThat(rerun.exitCode()).as(rerun.err()).isZero();
    assertThat(emulator.userByEmail("f1@example.com")).isPresent();
    assertThat(emulator.userByEmail("f2@example.com")).isPresent();
  }
}
