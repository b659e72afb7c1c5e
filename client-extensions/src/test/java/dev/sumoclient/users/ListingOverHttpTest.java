package dev.sumoclient.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumoclient.users.generated.model.UserModel;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class ListingOverHttpTest {
  private static final int TOTAL = 10_000;
  private static final int PAGE = 250;

  /** Serves TOTAL users in pages of PAGE; the token is the offset of the next page. */
  private static final class PagingDispatcher extends Dispatcher {
    final AtomicInteger served = new AtomicInteger();

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      String token = request.getRequestUrl().queryParameter("token");
      int from = token == null ? 0 : Integer.parseInt(token.substring(4));
      int to = Math.min(from + PAGE, TOTAL);
      StringBuilder body = new StringBuilder("{\"data\":[");
      for (int i = from; i < to; i++) {
        body.append(i == from ? "" : ",")
            .append("{\"id\":\"")
            .append(i)
            .append("\",\"firstName\":\"F\",\"lastName\":\"L\",\"email\":\"u")
            .append(i)
            .append("@example.com\",\"roleIds\":[],\"isActive\":true}");
      }
      body.append("]");
      if (to < TOTAL) {
        body.append(",\"next\":\"off-").append(to).append('"');
      }
      body.append('}');
      served.incrementAndGet();
      return TestClients.json(200, body.toString());
    }
  }

  @Test
  void tenThousandUsersAreFetchedLazilyOnePageAtATime() throws IOException {
    try (MockWebServer server = new MockWebServer()) {
      PagingDispatcher dispatcher = new PagingDispatcher();
      server.setDispatcher(dispatcher);
      server.start(InetAddress.getByName("127.0.0.1"), 0);
      try (SumoUsersClient client = TestClients.against(server, new FakeTime()).build()) {
        ListUsersPaginator paginator =
            client.listUsers(ListUsersRequest.builder().limit(PAGE).build());
        Iterator<UserModel> users = paginator.iterator();
        int seen = 0;
        while (users.hasNext()) {
          UserModel user = users.next();
          assertThat(user.getId()).isEqualTo(String.valueOf(seen));
          seen++;
          // Only the page holding the current user has been fetched: never one ahead.
          assertThat(dispatcher.served.get()).isEqualTo((seen - 1) / PAGE + 1);
        }
        assertThat(seen).isEqualTo(TOTAL);
        assertThat(dispatcher.served.get()).isEqualTo(TOTAL / PAGE);
        assertThat(paginator.stream().count()).isEqualTo(TOTAL);
      }
    }
  }

  @Test
  void anEmptyPageWithATokenOverHttpIsSkipped() throws IOException {
    try (MockWebServer server = new MockWebServer()) {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
      server.enqueue(TestClients.json(200, "{\"data\":[],\"next\":\"t1\"}"));
      server.enqueue(TestClients.json(200, "{\"data\":[" + TestClients.user("1") + "]}"));
      try (SumoUsersClient client = TestClients.against(server, new FakeTime()).build()) {
        assertThat(client.listUsers().stream().map(UserModel::getId)).containsExactly("1");
      }
      assertThat(server.getRequestCount()).isEqualTo(2);
    }
  }

  @Test
  void aRepeatedTokenOverHttpStops() throws IOException {
    try (MockWebServer server = new MockWebServer()) {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
      server.enqueue(
          TestClients.json(200, "{\"data\":[" + TestClients.user("1") + "],\"next\":\"t\"}"));
      server.enqueue(
          TestClients.json(200, "{\"data\":[" + TestClients.user("2") + "],\"next\":\"t\"}"));
      try (SumoUsersClient client = TestClients.against(server, new FakeTime()).build()) {
        Iterator<UserModel> it = client.listUsers().iterator();
        assertThat(it.next().getId()).isEqualTo("1");
        org.assertj.core.api.Assertions.assertThatThrownBy(it::next)
            .isInstanceOf(SumoPaginationException.class);
      }
    }
  }
}
