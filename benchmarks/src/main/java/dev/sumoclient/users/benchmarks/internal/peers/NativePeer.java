package dev.sumoclient.users.benchmarks.internal.peers;

import dev.sumoclient.users.benchmarks.generated.nativejdk.api.UserManagementApi;
import dev.sumoclient.users.benchmarks.generated.nativejdk.invoker.ApiClient;
import dev.sumoclient.users.benchmarks.generated.nativejdk.invoker.ApiException;
import dev.sumoclient.users.benchmarks.generated.nativejdk.model.ListUserModelsResponse;
import dev.sumoclient.users.benchmarks.generated.nativejdk.model.UpdateUserDefinition;
import dev.sumoclient.users.benchmarks.generated.nativejdk.model.UserModel;
import dev.sumoclient.users.benchmarks.internal.PeerSupport;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenAPI Generator's {@code native} Java library ({@code java.net.http} + Jackson), generated from
 * Sumo's published description and used as its README shows. It has no HTTP basic auth of its own,
 * so the user adds the header through its request interceptor.
 *
 * <p>The lines between {@code user code} markers are what a user writes; docs/benchmarks.md counts
 * them.
 */
public final class NativePeer extends PeerSupport {
  private final UserManagementApi api;

  /**
   * Builds the client against the emulator.
   *
   * @param baseUri the emulator's base URL
   */
  public NativePeer(String baseUri) {
    // user code: set-up
    ApiClient client = new ApiClient();
    client.updateBaseUri(baseUri);
    String authorization = basic(); // "Basic " + Base64 of "id:key"
    client.setRequestInterceptor(request -> request.header("Authorization", authorization));
    UserManagementApi users = new UserManagementApi(client);
    // end of user code
    this.api = users;
  }

  @Override
  public String name() {
    return "native";
  }

  @Override
  public Object getUser(String id) throws ApiException {
    return api.getUser(id);
  }

  @Override
  public Object firstPage(int limit) throws ApiException {
    return api.listUsers(limit, null, null, null);
  }

  @Override
  public long forEachUser(int limit, UserSink sink) throws ApiException {
    long seen = 0;
    // user code: iterate
    String token = null;
    do {
      ListUserModelsResponse page = api.listUsers(limit, token, null, null);
      for (UserModel user : page.getData()) {
        sink.accept(user.getId(), user.getEmail());
        seen++;
      }
      token = page.getNext();
    } while (token != null);
    // end of user code
    return seen;
  }

  @Override
  public void updateUser(String id, String firstName, String lastName, List<String> roleIds)
      throws ApiException {
    // user code: update
    api.updateUser(
        id,
        new UpdateUserDefinition()
            .firstName(firstName)
            .lastName(lastName)
            .isActive(true)
            .roleIds(new ArrayList<>(roleIds)));
    // end of user code
  }

  @Override
  public int statusOf(Exception failure) {
    return failure instanceof ApiException e && e.getCode() > 0 ? e.getCode() : -1;
  }

  @Override
  public void close() {
    // java.net.http's client is not AutoCloseable before Java 21; its threads are daemons.
  }
}
