package dev.sumoclient.users.examples;

import dev.sumoclient.users.ContentDisposition;
import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.generated.model.CreateUserDefinition;
import dev.sumoclient.users.generated.model.UserModel;
import java.util.List;

/**
 * The README's quick start, compiled so that the README can never show code that does not build.
 *
 * <p>The region between the {@code readme} markers is copied verbatim into README.md; a test fails
 * when the two differ, and another runs this class against an emulator.
 */
public final class QuickStart {
  private QuickStart() {}

  /**
   * Lists every user, then creates one and deletes it again.
   *
   * @param args the email address of the user to create and delete
   */
  public static void main(String[] args) {
    String newUserEmail = args[0];
    // readme:begin
    // Deployment and credentials come from SUMOLOGIC_ENVIRONMENT (or SUMOLOGIC_BASE_URL),
    // SUMOLOGIC_ACCESSID and SUMOLOGIC_ACCESSKEY.
    try (SumoUsersClient client = SumoUsersClient.builder().fromEnvironment().build()) {
      for (UserModel user : client.listUsers()) { // lazily pages through every user
        System.out.println(user.getEmail());
      }

      UserModel created =
          client.createUser(
              new CreateUserDefinition()
                  .firstName("Ada")
                  .lastName("Lovelace")
                  .email(newUserEmail)
                  .roleIds(List.of()));
      System.out.println("created " + created.getId());

      // No silent default: say where the deleted user's content goes.
      client.deleteUser(created.getId(), ContentDisposition.transferToCaller());
    }
    // readme:end
  }
}
