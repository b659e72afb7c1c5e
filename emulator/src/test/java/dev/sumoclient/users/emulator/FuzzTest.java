package dev.sumoclient.users.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Random methods, paths, queries, headers and bodies, sent over a raw socket: whatever arrives, the
 * emulator answers with a status and Sumo's JSON body, never a 500 from an unexpected exception,
 * and keeps serving.
 *
 * <p>Bounded: {@value #CASES} cases from a fixed seed (a failure names the case and repeats), each
 * with a 5-second socket timeout; the run takes about a second. Paths and queries include malformed
 * percent-escapes ({@code %zz}, a lone {@code %}) and characters a URI may not hold: those too get
 * Sumo's JSON error body, and every status line carries a reason phrase.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FuzzTest {
  private static final int CASES = 400;
  private static final long SEED = 0x5EED_F022L;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] METHODS = {
    "GET", "GET", "POST", "POST", "PUT", "PUT", "DELETE", "HEAD", "PATCH", "OPTIONS", "TRACE", "FOO"
  };
  private static final String[] PATHS = {
    "/api/v1/users",
    "/api/v1/users/",
    "/api/v1/users/{id}",
    "/api/v1/users/{id}/email/requestChange",
    "/api/v1/users/{id}/password/reset",
    "/api/v1/users/{id}/unlock",
    "/api/v1/users/{id}/mfa/disable",
    "/api/v1/users/{id}/{random}",
    "/api/{random}",
    "/api/v1/{random}/{random}",
    "/{random}",
    "/api/v1/users/{random}",
  };
  private static final String[] QUERY_NAMES = {
    "limit", "token", "sortBy", "email", "transferTo", "deleteContent", "x"
  };
  private static final String[] CONTENT_TYPES = {
    "application/json",
    "application/json",
    "application/json; charset=utf-8",
    "text/plain",
    "application/x-www-form-urlencoded",
    "application/jsonx",
    "*/*",
    ";;;",
  };
  private static final String[] BODY_FIELDS = {
    "firstName", "lastName", "email", "roleIds", "isActive", "password", "id", "zzz"
  };

  private SumoEmulator emulator;
  private List<String> ids;

  @BeforeAll
  void start() {
    emulator = SumoEmulator.builder().seedUsers(20).start();
    ids = emulator.users().stream().map(EmulatedUser::id).toList();
  }

  @AfterAll
  void stop() {
    emulator.close();
  }

  @TestFactory
  Stream<DynamicTest> everyRandomRequestGetsAStatusAndAJsonBodyAndNever500() {
    SplittableRandom random = new SplittableRandom(SEED);
    return IntStream.range(0, CASES)
        .mapToObj(
            i -> {
              Request request = request(random.split());
              return DynamicTest.dynamicTest(
                  "case " + i + ": " + request.summary(), () -> check(request));
            });
  }

  @Test
  void theEmulatorStillServesAfterTheFuzzing() {
    // JUnit runs the factory's tests before this one only by chance, so fuzz here too, quietly.
    SplittableRandom random = new SplittableRandom(SEED ^ 1);
    for (int i = 0; i < CASES / 4; i++) {
      try {
        exchange(request(random.split()));
      } catch (IOException e) {
        // A connection the emulator cut (e.g. after a 413) is fine; what matters is below.
      }
    }
    emulator.faults().clear();
    Api api = new Api(emulator);
    assertThat(api.get("/v1/users?limit=5").status()).isEqualTo(200);
    assertThat(new Api(emulator.adminUri(), null).get("").status()).isEqualTo(200);
  }

  private void check(Request request) throws IOException {
    Answer answer = exchange(request);
    assertThat(answer.status()).as("status of %s", request.summary()).isBetween(200, 599);
    assertThat(answer.status()).as("never an unexpected 500").isNotEqualTo(500);
    if (!request.method().equals("HEAD") && answer.status() != 204) {
      assertThat(answer.contentType()).startsWith("application/json");
      assertThat(JSON.readTree(answer.body()).isObject())
          .as("a JSON object: %s", new String(answer.body(), StandardCharsets.UTF_8))
          .isTrue();
    }
  }

  private record Request(String method, String target, List<String> headers, byte[] body) {
    String summary() {
      String shown = target.length() > 60 ? target.substring(0, 60) + "…" : target;
      return method + " " + shown + " (" + body.length + " bytes)";
    }
  }

  private record Answer(int status, String contentType, byte[] body) {}

  private Request request(SplittableRandom random) {
    String method = METHODS[random.nextInt(METHODS.length)];
    String path = PATHS[random.nextInt(PATHS.length)];
    while (path.contains("{id}") || path.contains("{random}")) {
      path = path.replaceFirst("\\{id}", ids.get(random.nextInt(ids.size())));
      path = path.replaceFirst("\\{random}", Matcher.quoteReplacement(segment(random)));
    }
    StringBuilder target = new StringBuilder(path);
    int params = random.nextInt(4);
    for (int i = 0; i < params; i++) {
      target.append(i == 0 ? '?' : '&');
      target.append(QUERY_NAMES[random.nextInt(QUERY_NAMES.length)]);
      if (random.nextInt(5) > 0) {
        target.append('=').append(segment(random));
      }
    }
    List<String> headers = new ArrayList<>();
    int auth = random.nextInt(10);
    if (auth < 7) {
      headers.add(
          "Authorization: " + Api.basic(emulator.accessKey().id(), emulator.accessKey().key()));
    } else if (auth == 7) {
      headers.add("Authorization: Basic " + segment(random));
    } else if (auth == 8) {
      headers.add("Authorization: Bearer " + segment(random));
    }
    if (random.nextInt(6) > 0) {
      headers.add("Content-Type: " + CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)]);
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      headers.add("X-" + letters(random, 1 + random.nextInt(10)) + ": " + segment(random));
    }
    byte[] body = body(random);
    return new Request(method, target.toString(), headers, body);
  }

  private byte[] body(SplittableRandom random) {
    return switch (random.nextInt(6)) {
      case 0 -> new byte[0];
      case 1 -> {
        byte[] bytes = new byte[random.nextInt(300)];
        random.nextBytes(bytes);
        yield bytes;
      }
      case 2 -> {
        // A body declared longer than the emulator reads: only the headers are sent.
        yield new byte[SumoEmulator.MAX_REQUEST_BODY_BYTES + 1 + random.nextInt(1000)];
      }
      default -> jsonish(random).getBytes(StandardCharsets.UTF_8);
    };
  }

  private String jsonish(SplittableRandom random) {
    StringBuilder json = new StringBuilder("{");
    int fields = random.nextInt(6);
    for (int i = 0; i < fields; i++) {
      if (i > 0) {
        json.append(',');
      }
      json.append('"').append(BODY_FIELDS[random.nextInt(BODY_FIELDS.length)]).append("\":");
      json.append(value(random, 0));
    }
    json.append('}');
    String text = json.toString();
    return switch (random.nextInt(8)) {
      case 0 -> text.substring(0, random.nextInt(text.length() + 1));
      case 1 -> text + (random.nextBoolean() ? " x" : "{}");
      case 2 -> "[" + text + "]";
      default -> text;
    };
  }

  private String value(SplittableRandom random, int depth) {
    return switch (random.nextInt(depth > 1 ? 6 : 8)) {
      case 0 -> "null";
      case 1 -> random.nextBoolean() ? "true" : "false";
      case 2 -> Long.toString(random.nextLong());
      case 3 -> "1e400";
      case 4 -> "\"" + letters(random, random.nextInt(300)) + "@example.org\"";
      case 5 -> "\"\\u0000\\ud800 é 😀\"";
      case 6 -> "[" + value(random, depth + 1) + "," + value(random, depth + 1) + "]";
      default -> "{\"a\":" + value(random, depth + 1) + "}";
    };
  }

  private static String segment(SplittableRandom random) {
    String alphabet = "abcXYZ019-._~!$&'()*+,;=:@%";
    StringBuilder out = new StringBuilder();
    int length = random.nextInt(12);
    for (int i = 0; i < length; i++) {
      char c = alphabet.charAt(random.nextInt(alphabet.length()));
      if (c == '%') {
        // Mostly a well-formed escape of any byte; sometimes a malformed one.
        String[] malformed = {"%zz", "%4", "%G1", "%", "%%"};
        out.append(
            random.nextInt(4) == 0
                ? malformed[random.nextInt(malformed.length)]
                : String.format("%%%02X", random.nextInt(256)));
      } else if (random.nextInt(40) == 0) {
        // A character a URI may not hold unescaped.
        out.append("<>\"{}|^`\\é".charAt(random.nextInt(10)));
      } else if (c == '&' || c == '=') {
        out.append('x');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String letters(SplittableRandom random, int length) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      out.append((char) ('a' + random.nextInt(26)));
    }
    return out.toString();
  }

  private Answer exchange(Request request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", emulator.port())) {
      socket.setSoTimeout((int) Duration.ofSeconds(5).toMillis());
      StringBuilder head = new StringBuilder();
      head.append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
      head.append("Host: 127.0.0.1\r\nConnection: close\r\n");
      for (String header : request.headers()) {
        head.append(header).append("\r\n");
      }
      boolean oversized = request.body().length > SumoEmulator.MAX_REQUEST_BODY_BYTES;
      if (request.body().length > 0) {
        head.append("Content-Length: ").append(request.body().length).append("\r\n");
      }
      head.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.UTF_8));
      if (!oversized) {
        out.write(request.body());
      }
      out.flush();
      byte[] raw = readAll(socket.getInputStream());
      return parse(raw);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    try {
      while ((n = in.read(buffer)) >= 0) {
        all.write(buffer, 0, n);
        if (complete(all.toByteArray())) {
          break;
        }
      }
    } catch (java.net.SocketException e) {
      // Reset after the whole answer arrived (the emulator hung up on an unread body): keep it.
      if (!complete(all.toByteArray())) {
        throw e;
      }
    }
    return all.toByteArray();
  }

  private static boolean complete(byte[] raw) {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      return false;
    }
    String length = header(text.substring(0, end), "content-length");
    return length == null || raw.length >= end + 4 + Integer.parseInt(length.trim());
  }

  private static Answer parse(byte[] raw) {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    assertThat(end).as("a complete status line and headers: %s", text).isPositive();
    String head = text.substring(0, end);
    String statusLine = head.split("\r\n", 2)[0];
    assertThat(statusLine).startsWith("HTTP/1.1 ");
    assertThat(statusLine)
        .as("a reason phrase after the status code")
        .matches("HTTP/1\\.1 \\d{3} \\S.*");
    int status = Integer.parseInt(statusLine.substring(9, 12));
    String contentType = header(head, "content-type");
    byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
    return new Answer(status, contentType == null ? "" : contentType, body);
  }

  private static String header(String head, String name) {
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
        return line.substring(colon + 1).trim();
      }
    }
    return null;
  }
}
