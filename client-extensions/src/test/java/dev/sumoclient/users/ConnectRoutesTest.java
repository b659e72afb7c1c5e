package dev.sumoclient.users;

import static dev.sumoclient.users.TestClients.json;
import static dev.sumoclient.users.TestClients.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumoclient.users.generated.model.CreateUserDefinition;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import okhttp3.Dns;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A host name with a dead address before a live one, as behind a load balancer with DNS caching.
 */
class ConnectRoutesTest {
  private final MockWebServer server = new MockWebServer();
  private SumoUsersClient client;

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    // Nothing listens on 127.0.0.2 at the server's port, so connecting there is refused.
    InetAddress dead = InetAddress.getByAddress("api.localhost", new byte[] {127, 0, 0, 2});
    InetAddress live = InetAddress.getByAddress("api.localhost", new byte[] {127, 0, 0, 1});
    Dns deadFirst =
        host -> host.equals("api.localhost") ? List.of(dead, live) : Dns.SYSTEM.lookup(host);
    client =
        TestClients.against(server, new FakeTime())
            .endpoint(URI.create("http://api.localhost:" + server.getPort() + "/api"))
            .retryPolicy(RetryPolicy.none())
            .dns(deadFirst)
            .build();
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    server.shutdown();
  }

  @Test
  void aRefusedAddressMovesOnToTheNextOneForEveryOperation() {
    server.enqueue(json(200, user("1")));
    server.enqueue(json(200, user("2")));
    server.enqueue(new MockResponse().setResponseCode(204));
    server.enqueue(new MockResponse().setResponseCode(204));

    assertThat(client.getUser("1").getId()).isEqualTo("1");
    CreateUserDefinition ada =
        new CreateUserDefinition()
            .firstName("Ada")
            .lastName("Lovelace")
            .email("ada@example.com")
            .roleIds(List.of("r1"));
    assertThat(client.createUser(ada).getId()).isEqualTo("2");
    client.resetPassword("2");
    client.deleteUser("2", ContentDisposition.deleteContent());
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void aPostThatMayHaveBeenReceivedIsStillNeverReplayed() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(new MockResponse().setResponseCode(204));
    assertThatThrownBy(() -> client.resetPassword("1")).isInstanceOf(SumoIoException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aRequestThatReachedTheServerIsResentOnlyByTheRetryPolicy() {
    // The retry policy here is none(): OkHttp itself must not re-send after a broken connection,
    // or the resend would bypass the policy, the quota and the listener. OkHttp re-sends on a
    // pooled connection, so the first call leaves one in the pool.
    server.enqueue(json(200, user("1")));
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(json(200, user("1")));
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(new MockResponse().setResponseCode(204));
    assertThat(client.getUser("1").getId()).isEqualTo("1");
    assertThatThrownBy(() -> client.getUser("1")).isInstanceOf(SumoIoException.class);
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(client.getUser("1").getId()).isEqualTo("1");
    assertThatThrownBy(() -> client.resetPassword("1")).isInstanceOf(SumoIoException.class);
    assertThat(server.getRequestCount()).isEqualTo(4);
  }
}
