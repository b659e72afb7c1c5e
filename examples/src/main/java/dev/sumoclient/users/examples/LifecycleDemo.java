package dev.sumoclient.users.examples;

import dev.sumoclient.users.ContentDisposition;
import dev.sumoclient.users.ListUsersRequest;
import dev.sumoclient.users.SumoNotFoundException;
import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.UserPage;
import dev.sumoclient.users.emulator.ContentTransfer;
import dev.sumoclient.users.emulator.SumoEmulator;
import dev.sumoclient.users.generated.model.CreateUserDefinition;
import dev.sumoclient.users.generated.model.UpdateUserDefinition;
import dev.sumoclient.users.generated.model.UserModel;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * The README's main job: drives the client through a whole user lifecycle against an embedded
 * emulator, printing each step and a closing summary.
 *
 * <p>The emulator enforces Sumo Logic's real quotas (4 requests per second, 10 in flight), so the
 * run also shows the client's limiter keeping every call inside them.
 */
public final class LifecycleDemo {
  private static final int SEEDED_USERS = 250;
  private static final int PAGE_SIZE = 100;

  private final PrintStream out;
  private int step;

  private LifecycleDemo(PrintStream out) {
    this.out = out;
  }

  /**
   * Runs the demo, printing to standard output; exits non-zero through an exception on failure.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }

  /**
   * Runs the whole lifecycle once and prints it to {@code out}.
   *
   * @param out where each step and the summary are printed
   * @return what the run did, for callers that check it
   */
  public static Summary run(PrintStream out) {
    return new LifecycleDemo(out).lifecycle();
  }

  private Summary lifecycle() {
    long started = System.nanoTime();
    try (SumoEmulator emulator =
            SumoEmulator.builder()
                .port(0)
                .seedUsers(SEEDED_USERS)
                .randomSeed(42)
                .limits(true)
                .start();
        SumoUsersClient client =
            SumoUsersClient.builder()
                .endpoint(emulator.baseUri())
                .credentials(emulator.accessKey().id(), emulator.accessKey().key())
                .applicationName("lifecycle-demo")
                .build()) {
      out.printf(
          "Embedded Sumo Logic emulator at %s with %d seeded users (quotas enforced: %d req/s,"
              + " %d in flight)%n",
          emulator.baseUri(),
          SEEDED_USERS,
          emulator.limits().requestsPerSecond(),
          emulator.limits().maxInFlight());

      int pages = 0;
      long listed = 0;
      UserModel someone = null;
      for (UserPage page :
          client.listUsers(ListUsersRequest.builder().limit(PAGE_SIZE).build()).pages()) {
        pages++;
        listed += page.users().size();
        if (someone == null && !page.users().isEmpty()) {
          someone = page.users().get(0);
        }
      }
      step(
          "Paged through every user", "%d users in %d pages of up to %d", listed, pages, PAGE_SIZE);
      if (someone == null) {
        throw new IllegalStateException("the emulator returned no users");
      }

      UserModel found =
          client
              .findByEmail(someone.getEmail())
              .orElseThrow(() -> new IllegalStateException("findByEmail found nobody"));
      step("Found a user by email", "%s -> %s", found.getEmail(), found.getId());

      UserModel created =
          client.createUser(
              new CreateUserDefinition()
                  .firstName("Grace")
                  .lastName("Hopper")
                  .email("grace.hopper@example.org")
                  .roleIds(List.of()));
      step("Created a user", "%s (%s)", created.getId(), created.getEmail());

      UserModel updated =
          client.updateUser(
              created.getId(),
              new UpdateUserDefinition()
                  .firstName("Grace")
                  .lastName("Brewster Hopper")
                  .isActive(true)
                  .roleIds(List.of()));
      step("Updated the user", "last name is now '%s'", updated.getLastName());

      UserModel deactivated = client.deactivate(created.getId());
      step(
          "Deactivated the user",
          "isActive=%s, last name kept: '%s'",
          deactivated.getIsActive(),
          deactivated.getLastName());

      emulator.lockUser(created.getId());
      client.unlockUser(created.getId());
      step(
          "Unlocked the user",
          "locked after the call: %s",
          client.getUser(created.getId()).getIsLocked());

      client.resetPassword(created.getId());
      step("Reset the user's password", "resets recorded: %d", emulator.passwordResets().size());

      client.requestChangeEmail(created.getId(), "grace@example.org");
      step(
          "Requested an email change",
          "pending: %s -> grace@example.org",
          emulator.emailChanges().get(0).fromEmail());

      emulator.enableMfa(created.getId());
      client.disableMfa(created.getId(), created.getEmail(), "demo-password".toCharArray());
      step(
          "Disabled MFA",
          "isMfaEnabled after the call: %s",
          client.getUser(created.getId()).getIsMfaEnabled());

      client.deleteUser(created.getId(), ContentDisposition.transferTo(found.getId()));
      ContentTransfer transfer = emulator.contentTransfers().get(0);
      step(
          "Deleted the user, content transferred explicitly",
          "%s's content went to %s (%s)",
          transfer.deletedUserId(),
          transfer.recipientId(),
          transfer.disposition());

      boolean gone;
      try {
        client.getUser(created.getId());
        gone = false;
      } catch (SumoNotFoundException expected) {
        gone = true;
      }
      step("Checked the user is gone", "getUser answers 404: %s", gone);
      if (!gone) {
        throw new IllegalStateException("the deleted user can still be read");
      }

      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
      int throttled =
          (int)
              emulator.journal().requests().stream()
                  .filter(request -> request.status() == 429)
                  .count();
      Summary summary =
          new Summary(
              step, listed, pages, emulator.journal().size(), throttled, emulator.users().size());
      out.printf(
          "Summary: %d steps, %d users listed in %d pages, %d requests served (%d throttled),"
              + " %d users left, %d ms%n",
          summary.steps(),
          summary.usersListed(),
          summary.pages(),
          summary.requestsServed(),
          summary.throttled(),
          summary.usersLeft(),
          elapsed.toMillis());
      return summary;
    }
  }

  private void step(String what, String detailFormat, Object... detailArgs) {
    step++;
    out.printf("%2d. %-50s %s%n", step, what, String.format(detailFormat, detailArgs));
  }

  /**
   * What one demo run did.
   *
   * @param steps how many lifecycle steps ran
   * @param usersListed how many users the paginator returned
   * @param pages how many pages it read
   * @param requestsServed how many requests the emulator answered
   * @param throttled how many of them the emulator's quotas answered with 429
   * @param usersLeft how many users the emulator holds at the end
   */
  public record Summary(
      int steps, long usersListed, int pages, int requestsServed, int throttled, int usersLeft) {}
}
