package dev.sumoclient.users.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Input that once took the emulator down, or that it accepted where Sumo would not. */
class HardenedInputTest {

  private SumoEmulator emulator;

  private Api start(SumoEmulator.Builder builder) {
    emulator = builder.seedUsers(3).start();
    return new Api(emulator);
  }

  @AfterEach
  void stop() {
    if (emulator != null) {
      emulator.close();
    }
  }

  @Test
  void anUnauthenticatedHugeUploadIsAnswered401BeforeItsBodyIsSent() throws IOException {
    start(SumoEmulator.builder());
    try (Socket socket = connect()) {
      // Announces a gigabyte and sends none of it: the answer must not wait for the body.
      write(
          socket,
          "POST /api/v1/users HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
              + "Content-Length: 1073741824\r\n\r\n");
      assertThat(statusLine(socket)).startsWith("HTTP/1.1 401");
    }
  }

  @Test
  void aBodyAboveTheCapIsAnswered413WithoutBeingRead() throws IOException {
    start(SumoEmulator.builder());
    String auth = Api.basic(emulator.accessKey().id(), emulator.accessKey().key());
    try (Socket socket = connect()) {
      write(
          socket,
          "POST /api/v1/users HTTP/1.1\r\nHost: x\r\nAuthorization: "
              + auth
              + "\r\nContent-Type: application/json\r\nContent-Length: "
              + (SumoEmulator.MAX_REQUEST_BODY_BYTES + 1)
              + "\r\n\r\n");
      assertThat(statusLine(socket)).startsWith("HTTP/1.1 413");
    }
    try (Socket socket = connect()) {
      // Chunked, so no length announces it: the emulator counts and stops at the cap + 1.
      write(
          socket,
          "POST /api/v1/users HTTP/1.1\r\nHost: x\r\nAuthorization: "
              + auth
              + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
      byte[] chunk = new byte[16 * 1024];
      java.util.Arrays.fill(chunk, (byte) ' ');
      OutputStream out = socket.getOutputStream();
      for (int i = 0; i < 5; i++) {
        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(chunk);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      out.flush();
      assertThat(statusLine(socket)).startsWith("HTTP/1.1 413");
    }
    Api.Response small =
        new Api(emulator).post("/v1/users", Api.newUser("Small", "Body", "small@example.org"));
    assertThat(small.status()).isEqualTo(200);
  }

  @Test
  void trailingContentAndRepeatedKeysAreInvalidJson() {
    Api api = start(SumoEmulator.builder());
    String user =
        "{\"firstName\":\"A\",\"lastName\":\"B\",\"email\":\"a@example.org\",\"roleIds\":[]}";
    assertThat(api.post("/v1/users", user + " garbage").errorCode()).isEqualTo("api:invalid_json");
    assertThat(api.post("/v1/users", user + "{}").errorCode()).isEqualTo("api:invalid_json");
    String twice =
        "{\"firstName\":\"A\",\"firstName\":\"C\",\"lastName\":\"B\",\"email\":\"a@example.org\","
            + "\"roleIds\":[]}";
    Api.Response repeated = api.post("/v1/users", twice);
    assertThat(repeated.status()).isEqualTo(400);
    assertThat(repeated.errorCode()).isEqualTo("api:invalid_json");
    assertThat(emulator.userByEmail("a@example.org")).isEmpty();
  }

  @Test
  void aBodyThatIsNotApplicationJsonIsAnswered415() {
    Api api = start(SumoEmulator.builder());
    String user =
        "{\"firstName\":\"A\",\"lastName\":\"B\",\"email\":\"a@example.org\",\"roleIds\":[]}";
    assertThat(api.send("POST", "/v1/users", user, Map.of("Content-Type", "text/plain")).status())
        .isEqualTo(415);
    assertThat(
            api.send("POST", "/v1/users", user, Map.of("Content-Type", "application/jsonx"))
                .status())
        .isEqualTo(415);
    Api.Response charset =
        api.send(
            "POST", "/v1/users", user, Map.of("Content-Type", "application/json; charset=utf-8"));
    assertThat(charset.status()).isEqualTo(200);
  }

  @Test
  void aBodyWithoutContentTypeIsAnswered415() throws IOException {
    start(SumoEmulator.builder());
    String auth = Api.basic(emulator.accessKey().id(), emulator.accessKey().key());
    String user =
        "{\"firstName\":\"A\",\"lastName\":\"B\",\"email\":\"a@example.org\",\"roleIds\":[]}";
    try (Socket socket = connect()) {
      write(
          socket,
          "POST /api/v1/users HTTP/1.1\r\nHost: x\r\nAuthorization: "
              + auth
              + "\r\nConnection: close\r\nContent-Length: "
              + user.length()
              + "\r\n\r\n"
              + user);
      assertThat(statusLine(socket)).startsWith("HTTP/1.1 415");
    }
  }

  @Test
  void badCredentialsGet401EvenWhenTheAccountIsOnAnotherDeployment() {
    Api api = start(SumoEmulator.builder());
    emulator.faults().wrongDeployment(URI.create("https://api.us2.sumologic.com/api"));
    Api.Response denied = api.withAuthorization(Api.basic("someone", "wrong")).get("/v1/users");
    assertThat(denied.status()).isEqualTo(401);
    assertThat(denied.header("Location")).isNull();
    assertThat(api.withAuthorization(null).get("/v1/users").status()).isEqualTo(401);
    assertThat(api.get("/v1/users").status()).isEqualTo(301);
  }

  @Test
  void headIsAnswered405WithAllowAsSumoDescribesNoHeadOperation() {
    Api api = start(SumoEmulator.builder());
    Api.Response head = api.send("HEAD", "/v1/users", null);
    assertThat(head.status()).isEqualTo(405);
    assertThat(head.header("Allow")).isEqualTo("GET, POST");
    assertThat(head.body()).isEmpty();
  }

  @Test
  void addedLatencyHoldsNoWorkerSoTheAdminEndpointAndOtherCallsStayServed() throws Exception {
    Api api = start(SumoEmulator.builder().threads(2));
    emulator.faults().latency(Duration.ofSeconds(3));
    List<CompletableFuture<Api.Response>> slowed = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      slowed.add(CompletableFuture.supplyAsync(() -> api.get("/v1/users")));
    }
    Thread.sleep(300);
    long started = System.nanoTime();
    Api admin = new Api(emulator.adminUri(), null);
    assertThat(admin.get("").status()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    for (CompletableFuture<Api.Response> call : slowed) {
      assertThat(call.get().status()).isEqualTo(200);
    }
  }

  @Test
  void aPortInUseIsReportedWithItsCause() throws IOException {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress("127.0.0.1", 0));
      assertThatThrownBy(() -> SumoEmulator.builder().port(taken.getLocalPort()).start())
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("127.0.0.1:" + taken.getLocalPort())
          .hasMessageContaining("BindException");
    }
  }

  @Test
  void connectionsThatNeverFinishTheirHeadersHoldNoThreadSoServiceContinues() throws Exception {
    start(SumoEmulator.builder().threads(2));
    List<Socket> stalled = new ArrayList<>();
    try {
      // Eight times as many as there are request threads; with a thread per connection (the JDK
      // server) the first two froze everything until a request-time limit cut them.
      for (int i = 0; i < 16; i++) {
        Socket socket = connect();
        write(socket, i % 2 == 0 ? "GET /__admin HTTP/1.1\r\nHost: x\r\n" : "POST /api/v1/us");
        stalled.add(socket);
      }
      Api admin = new Api(emulator.adminUri(), null);
      long started = System.nanoTime();
      assertThat(admin.get("").status()).isEqualTo(200);
      assertThat(new Api(emulator).get("/v1/users").status()).isEqualTo(200);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    } finally {
      for (Socket socket : stalled) {
        socket.close();
      }
    }
  }

  @Test
  void aMalformedEscapeInThePathGetsSumosJsonErrorNotAnHtmlPage() throws IOException {
    start(SumoEmulator.builder());
    String auth = Api.basic(emulator.accessKey().id(), emulator.accessKey().key());
    for (String target : List.of("/api/v1/users/%zz", "/api/v1/users/%4", "/api/v1/users/1%")) {
      try (Socket socket = connect()) {
        write(
            socket,
            "GET "
                + target
                + " HTTP/1.1\r\nHost: x\r\nAuthorization: "
                + auth
                + "\r\nConnection: close\r\n\r\n");
        String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(answer).as(target).startsWith("HTTP/1.1 400 Bad Request\r\n");
        assertThat(answer.toLowerCase(java.util.Locale.ROOT))
            .contains("\r\ncontent-type: application/json");
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        com.fasterxml.jackson.databind.JsonNode json =
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        assertThat(json.path("id").asText()).isNotBlank();
        assertThat(json.path("errors").path(0).path("code").asText()).isEqualTo("api:bad_request");
        assertThat(json.path("errors").path(0).path("message").asText()).contains("percent-escape");
      }
    }
    // And the emulator goes on serving.
    assertThat(new Api(emulator).get("/v1/users").status()).isEqualTo(200);
  }

  @Test
  void aMalformedEscapeInTheQueryIsAnInvalidParameter() throws IOException {
    Api api = start(SumoEmulator.builder());
    String auth = Api.basic(emulator.accessKey().id(), emulator.accessKey().key());
    try (Socket socket = connect()) {
      write(
          socket,
          "GET /api/v1/users?email=%zz HTTP/1.1\r\nHost: x\r\nAuthorization: "
              + auth
              + "\r\nConnection: close\r\n\r\n");
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 400 Bad Request\r\n");
      assertThat(answer).contains("\"code\":\"api:invalid_parameter\"");
    }
    assertThat(api.get("/v1/users?limit=1").status()).isEqualTo(200);
  }

  @Test
  void everyThrottledAnswerCarriesTheReasonPhraseTooManyRequests() throws IOException {
    start(SumoEmulator.builder());
    // An injected 429 first, then Sumo's own quota: one request a second, the second refused.
    emulator.faults().failNext(1, 429);
    assertThat(statusLineOf("GET /api/v1/users")).isEqualTo("HTTP/1.1 429 Too Many Requests");
    emulator.limits().enabled(true).requestsPerSecond(1);
    assertThat(statusLineOf("GET /api/v1/users")).isEqualTo("HTTP/1.1 200 OK");
    assertThat(statusLineOf("GET /api/v1/users")).isEqualTo("HTTP/1.1 429 Too Many Requests");
    assertThat(emulator.limits().throttledForRate()).isEqualTo(1);
  }

  private String statusLineOf(String requestLine) throws IOException {
    String auth = Api.basic(emulator.accessKey().id(), emulator.accessKey().key());
    try (Socket socket = connect()) {
      write(
          socket,
          requestLine
              + " HTTP/1.1\r\nHost: x\r\nAuthorization: "
              + auth
              + "\r\nConnection: close\r\n\r\n");
      return statusLine(socket);
    }
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket("127.0.0.1", emulator.port());
    socket.setSoTimeout(10_000);
    return socket;
  }

  private static void write(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static String statusLine(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      line.write(b);
    }
    return line.toString(StandardCharsets.US_ASCII).strip();
  }
}
