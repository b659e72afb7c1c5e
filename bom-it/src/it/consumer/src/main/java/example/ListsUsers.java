package example;

import dev.sumoclient.users.generated.api.UserManagementApi;
import dev.sumoclient.users.generated.invoker.ApiClient;
import dev.sumoclient.users.generated.model.UserModel;
import java.util.List;

/** Compiles only if the BOM brought sumo-users-generated-client in without a version. */
public final class ListsUsers {
  private ListsUsers() {}

  public static List<UserModel> firstPage(String baseUrl) {
    ApiClient client = new ApiClient("basicAuth").setBasePath(baseUrl);
    return client.buildClient(UserManagementApi.class).listUsers(10, null, null, null).getData();
  }
}
