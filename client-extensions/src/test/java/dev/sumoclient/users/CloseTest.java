package dev.sumoclient.users;

import static dev.sumoclient.users.TestClients.json;
import static dev.sumoclient.users.TestClients.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** After close() returns nothing more is sent, whatever state the calls under way are in. */
class CloseTest {
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private SumoUsersClient.Builder realTimeClient() {
    return SumoUsersClient.builder()
        .endpoint(server.url("/api").uri())
        .credentials(TestClients.uniqueAccessId(), TestClients.ACCESS_KEY)
        .callTimeout(Duration.ofSeconds(20));
  }

  private static Throwable failureOf(CompletableFuture<?> call) throws InterruptedException {
    try {
      call.get(5, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("the call was still running 5 s after close()", e);
    }
    throw new AssertionError("the call succeeded after close()");
  }

  private static void awaitWaiting(Thread thread) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (thread.getState() != Thread.State.TIMED_WAITING
        && thread.getState() != Thread.State.WAITING) {
      assertThat(System.nanoTime()).as("call thread waiting").isLessThan(until);
      Thread.sleep(5);
    }
    Thread.sleep(50);
  }

  private static CompletableFuture<Void> inThread(Runnable call, Thread[] holder) {
    CompletableFuture<Void> result = new CompletableFuture<>();
    holder[0] =
        new Thread(
            () -> {
              try {
                call.run();
                result.complete(null);
              } catch (Throwable t) {
                result.completeExceptionally(t);
              }
            });
    holder[0].start();
    return result;
  }

  @Test
  void aCallWaitingForQuotaFailsAsClosedAndIsNeverSent() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(204));
    server.enqueue(new MockResponse().setResponseCode(204));
    SumoUsersClient client =
        realTimeClient().quotas(Quotas.of(1, Duration.ofSeconds(2), 1)).build();
    client.resetPassword("1");
    Thread[] thread = new Thread[1];
    CompletableFuture<Void> waiting = inThread(() -> client.resetPassword("2"), thread);
    awaitWaiting(thread[0]);
    client.close();
    assertThat(failureOf(waiting))
        .isInstanceOf(SumoClientException.class)
        .hasMessageContaining("client closed");
    Thread.sleep(2_500);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anExchangeInFlightIsCancelled() throws Exception {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    SumoUsersClient client = realTimeClient().readTimeout(Duration.ofSeconds(15)).build();
    Thread[] thread = new Thread[1];
    CompletableFuture<Void> inFlight = inThread(() -> client.getUser("1"), thread);
    server.takeRequest(5, TimeUnit.SECONDS);
    long start = System.nanoTime();
    client.close();
    assertThat(failureOf(inFlight))
        .isInstanceOf(SumoClientException.class)
        .hasMessageContaining("client closed");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aRetryLoopStopsAtClose() throws Exception {
    server.enqueue(json(503, TestClients.error(503, "unavailable")).setHeader("Retry-After", "2"));
    server.enqueue(json(200, user("1")));
    SumoUsersClient client = realTimeClient().build();
    Thread[] thread = new Thread[1];
    CompletableFuture<Void> retrying = inThread(() -> client.getUser("1"), thread);
    server.takeRequest(5, TimeUnit.SECONDS);
    awaitWaiting(thread[0]);
    client.close();
    assertThat(failureOf(retrying))
        .isInstanceOf(SumoClientException.class)
        .hasMessageContaining("client closed");
    Thread.sleep(2_500);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
