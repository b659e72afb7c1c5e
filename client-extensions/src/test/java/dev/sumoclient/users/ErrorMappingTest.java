package dev.sumoclient.users;

import static dev.sumoclient.users.TestClients.error;
import static dev.sumoclient.users.TestClients.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorMappingTest {
  private final MockWebServer server = new MockWebServer();
  private final FakeTime time = new FakeTime();
  private SumoUsersClient client;

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    client = TestClients.against(server, time).retryPolicy(RetryPolicy.none()).build();
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    server.shutdown();
  }

  @ParameterizedTest
  @CsvSource({
    "400, SumoBadRequestException",
    "401, SumoUnauthorizedException",
    "403, SumoForbiddenException",
    "404, SumoNotFoundException",
    "429, SumoThrottledException",
    "500, SumoServerException",
    "503, SumoServerException",
    "409, SumoServiceException"
  })
  void eachStatusHasItsTypeCarryingEverythingSumoSaid(int status, String type) {
    server.enqueue(
        json(
            status,
            """
            {"id":"ABC-123","errors":[
              {"code":"user:one","message":"first problem","detail":"look here"},
              {"code":"user:two","message":"second problem"}]}
            """));
    assertThatThrownBy(() -> client.getUser("1"))
        .isInstanceOfSatisfying(
            SumoServiceException.class,
            e -> {
              assertThat(e.getClass().getSimpleName()).isEqualTo(type);
              assertThat(e.status()).isEqualTo(status);
              assertThat(e.operation()).isEqualTo("getUser");
              assertThat(e.errorId()).contains("ABC-123");
              assertThat(e.errors())
                  .containsExactly(
                      new SumoServiceException.ErrorDetail(
                          "user:one", "first problem", "look here"),
                      new SumoServiceException.ErrorDetail("user:two", "second problem", null));
              assertThat(e.bodySnippet()).isEmpty();
              assertThat(e.getMessage())
                  .contains("getUser", String.valueOf(status), "ABC-123", "user:one", "user:two");
            });
  }

  @Test
  void throttlingCarriesTheAdvisedWait() {
    server.enqueue(json(429, error(429, "rate")).setHeader("Retry-After", "3"));
    assertThatThrownBy(() -> client.getUser("1"))
        .isInstanceOfSatisfying(
            SumoThrottledException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(3)));
  }

  @Test
  void aBodyThatIsNotSumoJsonGivesATypedExceptionWithATruncatedSnippet() {
    String html = "<html><body>" + "Bad gateway from the load balancer ".repeat(40) + "</body>";
    server.enqueue(new MockResponse().setResponseCode(502).setBody(html));
    assertThatThrownBy(() -> client.getUser("1"))
        .isInstanceOfSatisfying(
            SumoServerException.class,
            e -> {
              assertThat(e.status()).isEqualTo(502);
              assertThat(e.errors()).isEmpty();
              assertThat(e.bodySnippet())
                  .get()
                  .asString()
                  .startsWith("<html><body>Bad gateway")
                  .endsWith("(truncated)")
                  .hasSizeLessThan(250);
              assertThat(e.getMessage()).contains("unexpected body: <html>");
            });
  }

  @Test
  void anEmptyErrorBodyStillGivesTheTypedException() {
    server.enqueue(new MockResponse().setResponseCode(404));
    assertThatThrownBy(() -> client.getUser("1"))
        .isInstanceOfSatisfying(
            SumoNotFoundException.class, e -> assertThat(e.bodySnippet()).isEmpty());
  }

  @Test
  void aReadTimeoutIsAClientTimeoutWithItsCause() {
    SumoUsersClient impatient =
        TestClients.against(server, time)
            .retryPolicy(RetryPolicy.none())
            .readTimeout(Duration.ofMillis(200))
            .build();
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    assertThatThrownBy(() -> impatient.getUser("1"))
        .isInstanceOf(SumoTimeoutException.class)
        .hasCauseInstanceOf(SocketTimeoutException.class);
    impatient.close();
  }

  @Test
  void theCallDeadlineBoundsASlowResponse() {
    SumoUsersClient impatient =
        TestClients.against(server, time)
            .retryPolicy(RetryPolicy.none())
            .callTimeout(Duration.ofMillis(300))
            .build();
    server.enqueue(json(200, TestClients.user("1")).setBodyDelay(2, TimeUnit.SECONDS));
    long start = System.nanoTime();
    assertThatThrownBy(() -> impatient.getUser("1"))
        .isInstanceOf(SumoTimeoutException.class)
        .hasMessageContaining("deadline");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
    impatient.close();
  }

  @Test
  void aConnectionFailureIsAnIoExceptionWithItsCause() throws IOException {
    int port = server.getPort();
    server.shutdown();
    SumoUsersClient orphan =
        SumoUsersClient.builder()
            .endpoint(java.net.URI.create("http://127.0.0.1:" + port + "/api"))
            .credentials(TestClients.uniqueAccessId(), TestClients.ACCESS_KEY)
            .rateLimiting(false)
            .retryPolicy(RetryPolicy.none())
            .build();
    assertThatThrownBy(() -> orphan.getUser("1"))
        .isInstanceOf(SumoIoException.class)
        .hasCauseInstanceOf(IOException.class);
    orphan.close();
  }

  @Test
  void garbageInASuccessfulAnswerSaysWhatCameBack() {
    server.enqueue(
        new MockResponse()
            .setResponseCode(200)
            .setHeader("Content-Type", "text/html")
            .setBody("<html>upstream proxy error " + TestClients.ACCESS_KEY + "</html>"));
    assertThatThrownBy(() -> client.getUser("1"))
        .isInstanceOf(SumoClientException.class)
        .hasMessageContaining("getUser")
        .hasMessageContaining("200")
        .hasMessageContaining("text/html")
        .hasMessageContaining("<html>upstream proxy error")
        .hasMessageNotContaining("Unexpected character")
        .hasMessageNotContaining(TestClients.ACCESS_KEY);
  }
}
