package dev.sumoclient.users.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumoclient.users.emulator.internal.CommandLine;
import dev.sumoclient.users.emulator.internal.StandaloneMain;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandaloneTest {
  @TempDir Path dir;

  @Test
  void parsesEveryOption() throws Exception {
    Path users = Files.writeString(dir.resolve("users.json"), "[]");
    CommandLine options =
        CommandLine.parse(
            new String[] {
              "--port",
              "9090",
              "--host=0.0.0.0",
              "--users",
              "500",
              "--users-file",
              users.toString(),
              "--access-id",
              "suCi",
              "--access-key",
              "k3y",
              "--limits",
              "--retry-after",
              "--seed",
              "42",
              "--threads",
              "4"
            },
            Map.of());
    assertThat(options.port()).isEqualTo(9090);
    assertThat(options.host()).isEqualTo("0.0.0.0");
    assertThat(options.users()).isEqualTo(500);
    assertThat(options.userFiles()).containsExactly(users);
    assertThat(options.accessId()).isEqualTo("suCi");
    assertThat(options.accessKey()).isEqualTo("k3y");
    assertThat(options.limits()).isTrue();
    assertThat(options.retryAfter()).isTrue();
    assertThat(options.seed()).isEqualTo(42);
    assertThat(options.threads()).isEqualTo(4);
    assertThat(options.toString()).doesNotContain("k3y");
  }

  @Test
  void defaultsServeTheDocumentedCredentialsOnPort8080() {
    CommandLine options = CommandLine.parse(new String[0], Map.of());
    assertThat(options.port()).isEqualTo(8080);
    assertThat(options.host()).isEqualTo("127.0.0.1");
    assertThat(options.users()).isEqualTo(10);
    assertThat(options.accessId()).isEqualTo(SumoEmulator.DEFAULT_ACCESS_ID);
    assertThat(options.accessKey()).isEqualTo(SumoEmulator.DEFAULT_ACCESS_KEY);
    assertThat(options.limits()).isFalse();
  }

  @Test
  void takesTheAccessKeyFromTheEnvironmentUnlessGiven() {
    Map<String, String> env = Map.of(CommandLine.ACCESS_KEY_ENV, "from-env");
    assertThat(CommandLine.parse(new String[0], env).accessKey()).isEqualTo("from-env");
    assertThat(CommandLine.parse(new String[] {"--access-key", "given"}, env).accessKey())
        .isEqualTo("given");
  }

  @Test
  void rejectsMistakesNamingTheOptionAndRule() {
    Map<String[], String> mistakes =
        Map.of(
            new String[] {"--port", "70000"}, "--port: must be from 0 to 65535",
            new String[] {"--port"}, "--port: needs a value",
            new String[] {"--users", "lots"}, "--users: must be an integer",
            new String[] {"--users-file", dir.resolve("absent.json").toString()},
                "--users-file: cannot read",
            new String[] {"--access-id", "a:b"}, "--access-id: must not contain ':'",
            new String[] {"--access-key", " "}, "--access-key: must not be blank",
            new String[] {"--limits=sometimes"}, "--limits: takes no value",
            new String[] {"--colour"}, "unknown option --colour");
    mistakes.forEach(
        (args, message) ->
            assertThatThrownBy(() -> CommandLine.parse(args, Map.of()))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessageStartingWith(message));
  }

  @Test
  void badOptionsExitWithStatusTwoAndHelpWithZero() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        StandaloneMain.run(
            new String[] {"--port", "x"},
            new PrintStream(OutputStream.nullOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Map.of(),
            emulator -> {});
    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--port: must be an integer");

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(
            StandaloneMain.run(
                new String[] {"--help"},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err,
                Map.of(),
                emulator -> {}))
        .isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("--access-key KEY");
  }

  @Test
  void aPortInUseExitsWithStatusOneNamingTheBindException() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket()) {
      taken.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int status =
          StandaloneMain.run(
              new String[] {"--port", Integer.toString(taken.getLocalPort())},
              new PrintStream(OutputStream.nullOutputStream()),
              new PrintStream(err, true, StandardCharsets.UTF_8),
              Map.of(),
              emulator -> {});
      assertThat(status).isEqualTo(1);
      assertThat(err.toString(StandardCharsets.UTF_8))
          .contains("127.0.0.1:" + taken.getLocalPort())
          .contains("BindException");
    }
  }

  @Test
  void fewerThreadsThanTheInFlightQuotaIsWarnedAbout() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    AtomicReference<SumoEmulator> started = new AtomicReference<>();
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return StandaloneMain.run(
                    new String[] {"--port", "0", "--threads", "4", "--limits"},
                    new PrintStream(OutputStream.nullOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8),
                    Map.of(),
                    emulator -> {
                      started.set(emulator);
                      emulator.close();
                    });
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("warning: --threads 4 is below the 10 requests");
  }

  @Test
  void mainEntryPointServesUntilShutDownThroughTheAdminEndpoint() throws Exception {
    Path users =
        Files.writeString(
            dir.resolve("users.json"),
            "{\"data\":[{\"id\":\"00000000000A11CE\",\"firstName\":\"Alice\",\"lastName\":\"L\","
                + "\"email\":\"alice@example.org\",\"isMfaEnabled\":true}]}");
    CountDownLatch listening = new CountDownLatch(1);
    AtomicReference<String> firstLine = new AtomicReference<>();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream out =
        new PrintStream(printed, true, StandardCharsets.UTF_8) {
          @Override
          public void println(String line) {
            super.println(line);
            firstLine.compareAndSet(null, line);
            listening.countDown();
          }
        };
    AtomicReference<SumoEmulator> started = new AtomicReference<>();
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return StandaloneMain.run(
                    new String[] {
                      "--port",
                      "0",
                      "--users",
                      "4",
                      "--users-file",
                      users.toString(),
                      "--access-id",
                      "suStandalone",
                      "--access-key",
                      "standalone-key"
                    },
                    out,
                    System.err,
                    Map.of(),
                    started::set);
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(listening.await(20, TimeUnit.SECONDS)).isTrue();
    Matcher url = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/api)").matcher(firstLine.get());
    assertThat(url.find()).as(firstLine.get()).isTrue();
    URI base = URI.create(url.group(1));

    Api api = new Api(base, Api.basic("suStandalone", "standalone-key"));
    Api.Response page = api.get("/v1/users?limit=10");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.json().get("data")).hasSize(5);
    assertThat(api.get("/v1/users/00000000000A11CE").json().get("isMfaEnabled").asBoolean())
        .isTrue();
    assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain("standalone-key");

    Api admin = new Api(URI.create(base.toString().replace("/api", "/__admin")), null);
    assertThat(admin.post("/shutdown", null).status()).isEqualTo(200);
    assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
    assertThat(started.get().isClosed()).isTrue();
    assertThat(List.of(printed.toString(StandardCharsets.UTF_8).split("\n")))
        .anyMatch(line -> line.contains("stopped"));
  }
}
