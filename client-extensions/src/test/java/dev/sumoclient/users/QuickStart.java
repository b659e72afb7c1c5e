package dev.sumoclient.users;

import dev.sumoclient.users.generated.model.CreateUserDefinition;
import dev.sumoclient.users.generated.model.UserModel;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** The quick start handed to the README, kept here so that it compiles and runs in the build. */
final class QuickStart {
  private QuickStart() {}

  static String run(Function<String, @Nullable String> env) {
    // --- quick start ---
    try (SumoUsersClient client = SumoUsersClient.builder().fromEnvironment(env).build()) {
      for (UserModel user : client.listUsers()) {
        System.out.println(user.getEmail() + " active=" + user.getIsActive());
      }
      UserModel created =
          client.createUser(
              new CreateUserDefinition()
                  .firstName("Ada")
                  .lastName("Lovelace")
                  .email("ada@example.com")
                  .roleIds(List.of("0000000000000005")));
      client.deleteUser(created.getId(), ContentDisposition.transferToCaller());
      return created.getId();
    }
    // --- end ---
  }
}
