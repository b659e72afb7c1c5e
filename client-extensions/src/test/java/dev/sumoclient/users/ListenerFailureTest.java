package dev.sumoclient.users;

import static dev.sumoclient.users.TestClients.json;
import static dev.sumoclient.users.TestClients.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ListenerFailureTest {
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  /** Throws an Error from every callback, as a failing test assertion inside a listener would. */
  private static final class ThrowingListener implements ClientListener {
    final AtomicInteger calls = new AtomicInteger();

    private Error fail() {
      calls.incrementAndGet();
      return new AssertionError("listener assertion failed");
    }

    @Override
    public void onRequest(RequestEvent event) {
      throw fail();
    }

    @Override
    public void onRetry(RetryEvent event) {
      throw fail();
    }

    @Override
    public void onThrottled(ThrottleEvent event) {
      throw fail();
    }

    @Override
    public void onRedirected(RedirectEvent event) {
      throw fail();
    }
  }

  @Test
  void aListenerThrowingAnErrorNeitherFailsCallsNorLeaksQuota() {
    ThrowingListener listener = new ThrowingListener();
    for (int i = 0; i < 4; i++) {
      server.enqueue(json(200, user("1")));
    }
    // One request per 50 ms and one in flight: every call after the first waits for quota, so the
    // listener hears onThrottled while the call holds its permit.
    try (SumoUsersClient client =
        SumoUsersClient.builder()
            .endpoint(server.url("/api").uri())
            .credentials(TestClients.uniqueAccessId(), TestClients.ACCESS_KEY)
            .quotas(Quotas.of(1, Duration.ofMillis(50), 1))
            .callTimeout(Duration.ofSeconds(3))
            .listener(listener)
            .build()) {
      long start = System.nanoTime();
      for (int i = 0; i < 4; i++) {
        assertThat(client.getUser("1").getId()).isEqualTo("1");
      }
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }
    assertThat(server.getRequestCount()).isEqualTo(4);
    assertThat(listener.calls.get()).as("listener calls").isGreaterThanOrEqualTo(4);
  }
}
