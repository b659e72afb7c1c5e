package dev.sumoclient.users.contract;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Starts and stops the standalone emulator jar as a child JVM around the build's run of Pact's own
 * Maven verifier (see the contract-tests POM): {@code start <jar> <port> <log>} returns once the
 * emulator answers, {@code stop <port>} asks it to shut down. Run by exec:java inside Maven's JVM,
 * which destroys the child at exit should the stop never come (a failed verification).
 */
public final class StandaloneEmulatorProcess {

  private StandaloneEmulatorProcess() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    switch (args.length == 0 ? "" : args[0]) {
      case "start" -> start(Path.of(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
      case "stop" -> stop(Integer.parseInt(args[1]));
      default ->
          throw new IllegalArgumentException(
              "usage: start <standalone jar> <port> <log file> | stop <port>");
    }
  }

  private static void start(Path jar, int port, Path log) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // The documented defaults: only the emulator's own key, no users; a pact must bring its states.
    Process process =
        new ProcessBuilder(
                List.of(
                    java, "-jar", jar.toString(), "--port", Integer.toString(port), "--users", "0"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "standalone-emulator-stop"));
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the standalone emulator exited with " + process.exitValue() + "; see " + log);
      }
      try {
        HttpResponse<Void> state =
            http.send(
                HttpRequest.newBuilder(admin(port, "")).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (state.statusCode() == 200) {
          System.out.println("standalone emulator serving on port " + port + ", log " + log);
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      }
      Thread.sleep(100);
    }
    process.destroy();
    throw new IllegalStateException(
        "the standalone emulator did not answer within 60 s; see " + log);
  }

  private static void stop(int port) throws IOException, InterruptedException {
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(admin(port, "/shutdown"))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    System.out.println("standalone emulator on port " + port + ": " + answer.body());
  }

  private static URI admin(int port, String route) {
    return URI.create("http://127.0.0.1:" + port + "/__admin" + route);
  }
}
