package dev.sumoclient.users.cli;

import dev.sumoclient.users.ContentDisposition;
import dev.sumoclient.users.ListUsersRequest;
import dev.sumoclient.users.SumoClientException;
import dev.sumoclient.users.SumoException;
import dev.sumoclient.users.SumoNotFoundException;
import dev.sumoclient.users.SumoThrottledException;
import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.generated.model.CreateUserDefinition;
import dev.sumoclient.users.generated.model.UpdateUserDefinition;
import dev.sumoclient.users.generated.model.UserModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sumo-users users sync}: make Sumo Logic's users match a file, plan first. */
@Command(
    name = "sync",
    mixinStandardHelpOptions = true,
    description = {
      "Make users match a CSV or JSON file (columns email, firstName, lastName, roleIds, active).",
      "Prints the plan and changes nothing; --apply carries it out, asking on a terminal unless"
          + " --yes.",
      "Every row is validated first: a bad row stops everything unless --skip-invalid.",
      "An apply records each step in a journal; rerun the same command to finish an interrupted"
          + " one."
    })
final class SyncCommand extends UsersCommand.Leaf {
  @Option(
      names = "--from",
      required = true,
      paramLabel = "<file>",
      description = "team.csv or team.json")
  Path from;

  @Option(names = "--apply", description = "Carry out the plan.")
  boolean apply;

  @Option(
      names = {"-y", "--yes"},
      description = "Do not ask for confirmation.")
  boolean yes;

  @Option(
      names = "--prune",
      defaultValue = "none",
      paramLabel = "none|deactivate|delete",
      description =
          "What to do with users absent from the file (default: ${DEFAULT-VALUE}); delete needs"
              + " --transfer-to, --delete-content or --transfer-to-me.")
  SyncPlan.Prune prune;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  @Nullable PruneContent content;

  /**
   * Where pruned users' content goes: the options of {@link ContentChoice} again, as picocli's
   * annotation processor (picocli-codegen 4.7.7) fails the build when two commands share one group
   * class ("ArgGroup has no options"), and sees no inherited options.
   */
  static final class PruneContent {
    @Option(
        names = "--transfer-to",
        paramLabel = "<user>",
        required = true,
        description = "Give pruned users' content to this user (id or email).")
    @Nullable String transferTo;

    @Option(
        names = "--delete-content",
        required = true,
        description = "Delete pruned users' content too.")
    boolean deleteContent;

    @Option(
        names = "--transfer-to-me",
        required = true,
        description = "Give pruned users' content to the access key's owner.")
    boolean transferToMe;

    ContentChoice choice() {
      ContentChoice choice = new ContentChoice();
      choice.transferTo = transferTo;
      choice.deleteContent = deleteContent;
      choice.transferToMe = transferToMe;
      return choice;
    }
  }

  @Option(
      names = "--skip-invalid",
      description = "Go ahead with the valid rows, skipping bad ones.")
  boolean skipInvalid;

  @Option(
      names = "--journal",
      paramLabel = "<file>",
      description = "Where --apply records its steps (default: <file>.journal next to the file).")
  @Nullable Path journal;

  @Option(
      names = "--progress-interval",
      hidden = true,
      defaultValue = "PT10S",
      description = "Time between plain progress lines when not on a terminal.")
  Duration progressInterval;

  @Override
  int run(Session session) {
    CliContext ctx = ctx();
    SumoUsersClient client = session.client;
    if (prune == SyncPlan.Prune.delete && content == null) {
      throw CliException.usage(
          "--prune delete needs --transfer-to <user>, --delete-content or --transfer-to-me: a"
              + " deleted user's content must go somewhere");
    }
    if (prune != SyncPlan.Prune.delete && content != null) {
      throw CliException.usage(
          "--transfer-to, --delete-content and --transfer-to-me go with --prune delete");
    }
    SyncFile file = SyncFile.read(from);
    for (SyncFile.Problem p : file.problems) {
      ctx.err().println(from + ":" + p.line() + ": " + p.field() + " " + p.rule());
    }
    if (!file.problems.isEmpty()) {
      if (!skipInvalid) {
        throw CliException.usage(
            file.problems.size()
                + " problem(s) in "
                + from
                + "; nothing was planned or sent (fix them, or --skip-invalid to go ahead with"
                + " the valid rows)");
      }
      ctx.err().println("sumo-users: skipping the invalid rows; their users are left as they are");
    }

    Set<String> spared = new HashSet<>(file.protectedEmails());
    ContentDisposition disposition = null;
    if (content != null) {
      // The heir is looked up once: its id receives the content, its email is never pruned.
      UserModel heir =
          content.transferTo == null ? null : UsersCommand.resolve(client, content.transferTo);
      if (heir != null) {
        spared.add(heir.getEmail().toLowerCase(Locale.ROOT));
      }
      disposition = content.choice().disposition(heir == null ? null : heir.getId());
    }

    Map<String, UserModel> current = new HashMap<>();
    for (UserModel user : client.listUsers(ListUsersRequest.builder().limit(1000).build())) {
      if (user.getEmail() != null) {
        current.put(user.getEmail().toLowerCase(Locale.ROOT), user);
      }
    }
    SyncPlan plan = SyncPlan.compute(file.rows, current, prune, spared);
    ctx.out()
        .println(
            "Plan for "
                + from
                + " ("
                + file.rows.size()
                + " valid rows) against "
                + client.endpoint()
                + " ("
                + plan.existing
                + " users):");
    for (SyncPlan.Step step : plan.steps) {
      ctx.out().println(SyncPlan.describe(step));
    }
    ctx.out().println("Plan: " + plan.summary() + ".");
    if (!apply) {
      ctx.out().println("Nothing was changed. Run again with --apply to carry out this plan.");
      return ExitCodes.OK;
    }
    if (plan.steps.isEmpty()) {
      ctx.out().println("Nothing to do: the users already match " + from + ".");
      return ExitCodes.OK;
    }
    if (!yes && !Prompts.confirm(ctx, "Apply these " + plan.steps.size() + " changes?")) {
      ctx.out().println("Nothing was changed.");
      return ExitCodes.FAILED;
    }
    Path journalPath =
        journal != null ? journal : from.resolveSibling(from.getFileName() + ".journal");
    return execute(session, plan, file.sha256, journalPath, disposition);
  }

  private int execute(
      Session session,
      SyncPlan plan,
      String fileSha256,
      Path journalPath,
      @Nullable ContentDisposition disposition) {
    CliContext ctx = ctx();
    SumoUsersClient client = session.client;
    Map<SyncPlan.Kind, Integer> applied = new HashMap<>();
    List<String> failures = new ArrayList<>();
    boolean aborted = false;
    try (SyncJournal log = SyncJournal.open(journalPath, fileSha256);
        Progress progress =
            Progress.create(
                ctx, plan.steps.size(), plan.calls(), session.quotas, progressInterval)) {
      if (log.doneCount() > 0) {
        ctx.err()
            .println(
                "sumo-users: resuming from "
                    + journalPath
                    + " ("
                    + log.doneCount()
                    + " steps done earlier)");
      }
      // Ctrl-C or kill (not kill -9) runs shutdown hooks: say how to finish. The journal needs no
      // flushing, each line is on disk before the next call.
      Thread hint =
          new Thread(
              () ->
                  ctx.err()
                      .println(
                          "\nsumo-users: interrupted; rerun the same command to finish (journal "
                              + journalPath
                              + ")"),
              "sumo-users-interrupted");
      Runtime.getRuntime().addShutdownHook(hint);
      try {
        aborted = applySteps(plan, client, log, disposition, progress, applied, failures);
      } finally {
        Runtime.getRuntime().removeShutdownHook(hint);
      }
      if (failures.isEmpty()) {
        log.complete();
      }
    }
    for (String failure : failures) {
      ctx.err().println("sumo-users: failed: " + failure);
    }
    int done = applied.values().stream().mapToInt(Integer::intValue).sum();
    ctx.out()
        .println(
            "Applied: "
                + applied.getOrDefault(SyncPlan.Kind.CREATE, 0)
                + " created, "
                + applied.getOrDefault(SyncPlan.Kind.UPDATE, 0)
                + " updated, "
                + applied.getOrDefault(SyncPlan.Kind.DEACTIVATE, 0)
                + " deactivated, "
                + applied.getOrDefault(SyncPlan.Kind.DELETE, 0)
                + " deleted"
                + (failures.isEmpty() ? "." : "; " + failures.size() + " failed"));
    if (failures.isEmpty()) {
      return ExitCodes.OK;
    }
    ctx.err()
        .println(
            "sumo-users: "
                + (aborted ? "stopped early; " : "")
                + "rerun the same command to finish (journal "
                + journalPath
                + ")");
    return done > 0 || plan.steps.size() > failures.size() ? ExitCodes.PARTIAL : ExitCodes.FAILED;
  }

  /** Runs the steps in order; true when a network, timeout or quota failure stopped them early. */
  private boolean applySteps(
      SyncPlan plan,
      SumoUsersClient client,
      SyncJournal log,
      @Nullable ContentDisposition disposition,
      Progress progress,
      Map<SyncPlan.Kind, Integer> applied,
      List<String> failures) {
    for (SyncPlan.Step step : plan.steps) {
      try {
        if (perform(client, step, log, disposition)) {
          applied.merge(step.kind(), 1, Integer::sum);
        }
      } catch (SumoThrottledException | SumoClientException e) {
        // The next steps would meet the same trouble: stop, the rerun finishes.
        failures.add(step.key() + where(step) + ": " + Errors.oneLine(e));
        log.failed(step.key(), e.getClass().getSimpleName());
        return true;
      } catch (SumoException e) {
        failures.add(step.key() + where(step) + ": " + Errors.oneLine(e));
        log.failed(step.key(), e.getClass().getSimpleName());
      } finally {
        progress.step(step.calls());
      }
    }
    return false;
  }

  private static String where(SyncPlan.Step step) {
    return step.row() == null ? "" : " (line " + step.row().line() + ")";
  }

  /** Carries out one step; false when the journal shows an earlier run already did it. */
  private boolean perform(
      SumoUsersClient client,
      SyncPlan.Step step,
      SyncJournal log,
      @Nullable ContentDisposition disposition) {
    String key = step.key();
    SyncFile.Row row = step.row();
    switch (step.kind()) {
      case CREATE -> {
        if (log.wasStarted(key)) {
          // An earlier run sent this create and was interrupted: it may have been processed even
          // though the listing does not show it yet. Look once more rather than send it again.
          if (log.isDone(key) || client.findByEmail(row.email()).isPresent()) {
            ctx()
                .err()
                .println("sumo-users: " + key + " was done by an earlier run; not sent again");
            return false;
          }
        }
        log.start(key);
        UserModel created =
            client.createUser(
                new CreateUserDefinition()
                    .email(row.email())
                    .firstName(row.firstName())
                    .lastName(row.lastName())
                    .roleIds(new ArrayList<>(row.roleIds())));
        if (!row.active()) {
          client.updateUser(created.getId(), update(row, false));
        }
        log.done(key, created.getId());
      }
      case UPDATE -> {
        client.updateUser(step.current().getId(), update(row, row.active()));
        log.done(key, step.current().getId());
      }
      case DEACTIVATE -> {
        UserModel user = step.current();
        client.updateUser(
            user.getId(),
            new UpdateUserDefinition()
                .firstName(user.getFirstName())
                .lastName(user.getLastName())
                .isActive(false)
                .roleIds(
                    new ArrayList<>(user.getRoleIds() == null ? List.of() : user.getRoleIds())));
        log.done(key, user.getId());
      }
      case DELETE -> {
        String id = step.current().getId();
        if (log.isDone(key)) {
          return false;
        }
        boolean resumed = log.wasStarted(key);
        log.start(key);
        try {
          client.deleteUser(id, disposition);
        } catch (SumoNotFoundException e) {
          if (!resumed) {
            throw e;
          }
        }
        log.done(key, id);
      }
    }
    return true;
  }

  private static UpdateUserDefinition update(SyncFile.Row row, boolean active) {
    return new UpdateUserDefinition()
        .firstName(row.firstName())
        .lastName(row.lastName())
        .isActive(active)
        .roleIds(new ArrayList<>(row.roleIds()));
  }
}
