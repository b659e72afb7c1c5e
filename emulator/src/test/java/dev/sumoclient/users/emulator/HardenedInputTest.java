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
  void connectionsThatNeverFinishTheirHeadersAreCutSoServiceResumes() throws Exception {
    start(SumoEmulator.builder().threads(2));
    List<Socket> stalled = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        Socket socket = connect();
        write(socket, "GET /__admin HTTP/1.1\r\nHost: x\r\n");
        stalled.add(socket);
      }
      // Every worker now waits for headers that never come; the request-time limit frees them.
      Api admin = new Api(emulator.adminUri(), null);
      long started = System.nanoTime();
      assertThat(admin.get("").status()).isEqualTo(200);
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isLessThan(Duration.ofSeconds(SumoEmulator.MAX_REQUEST_SECONDS + 5));
    } finally {
      for (Socket socket : stalled) {
        socket.close();
      }
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
