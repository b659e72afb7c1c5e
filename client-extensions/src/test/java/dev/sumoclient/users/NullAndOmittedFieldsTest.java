package dev.sumoclient.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumoclient.users.generated.model.UserModel;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sumo sends {@code null} for the last page's {@code next} and for {@code lastLoginTimestamp} of a
 * user who never signed in; older answers, and our emulator before, left them out. The client reads
 * both forms the same way.
 */
class NullAndOmittedFieldsTest {

  private static final String NEVER_SIGNED_IN =
      """
      {"id":"00000000000A11CE","firstName":"Ada","lastName":"Lovelace","email":"ada@example.com",
       "roleIds":[],"createdAt":"2024-01-02T03:04:05Z","createdBy":"0001",
       "modifiedAt":"2024-01-02T03:04:05Z","modifiedBy":"0001",
       "isActive":true,"isLocked":false,"isMfaEnabled":false%s}
      """;

  @ParameterizedTest(name = "last page with {0}")
  @ValueSource(strings = {",\"next\":null", ""})
  void theLastPageEndsTheListingWhetherNextIsNullOrAbsent(String next) throws IOException {
    try (MockWebServer server = new MockWebServer()) {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
      server.enqueue(
          TestClients.json(200, "{\"data\":[" + TestClients.user("1") + "],\"next\":\"t2\"}"));
      server.enqueue(
          TestClients.json(200, "{\"data\":[" + TestClients.user("2") + "]" + next + "}"));
      try (SumoUsersClient client = TestClients.against(server, new FakeTime()).build()) {
        List<UserPage> pages = new ArrayList<>();
        client.listUsers().pages().forEach(pages::add);

        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).nextToken()).contains("t2");
        assertThat(pages.get(1).nextToken()).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(2);
      }
    }
  }

  @ParameterizedTest(name = "user with {0}")
  @ValueSource(strings = {",\"lastLoginTimestamp\":null", ""})
  void aUserWhoNeverSignedInHasNoLastLoginWhetherNullOrAbsent(String lastLogin) throws IOException {
    try (MockWebServer server = new MockWebServer()) {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
      server.enqueue(TestClients.json(200, NEVER_SIGNED_IN.formatted(lastLogin)));
      try (SumoUsersClient client = TestClients.against(server, new FakeTime()).build()) {
        UserModel user = client.getUser("00000000000A11CE");

        assertThat(user.getLastLoginTimestamp()).isNull();
        assertThat(user.getRoleIds()).isEmpty();
        assertThat(user.getEmail()).isEqualTo("ada@example.com");
      }
    }
  }
}
