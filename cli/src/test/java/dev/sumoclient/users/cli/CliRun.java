package dev.sumoclient.users.cli;

import dev.sumoclient.users.emulator.SumoEmulator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs sumo-users in this JVM with captured output, a private home and environment. */
final class CliRun {
  record Result(int exitCode, String out, String err) {
    List<String> outLines() {
      return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }
  }

  final Map<String, String> env = new HashMap<>();
  Path home;
  String stdin = "";
  java.io.InputStream input;

  /** The output of the run under way, for a test that watches it from another thread. */
  volatile ByteArrayOutputStream liveOut;

  boolean terminal;
  CliContext.PasswordReader passwordReader;

  CliRun(Path home) {
    this.home = home;
  }

  /** Points the CLI at an emulator through the environment, as an administrator would. */
  static CliRun against(SumoEmulator emulator, Path home) {
    CliRun run = new CliRun(home);
    run.env.put("SUMOLOGIC_BASE_URL", emulator.baseUri().toString());
    run.env.put("SUMOLOGIC_ACCESSID", SumoEmulator.DEFAULT_ACCESS_ID);
    run.env.put("SUMOLOGIC_ACCESSKEY", SumoEmulator.DEFAULT_ACCESS_KEY);
    return run;
  }

  Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    liveOut = out;
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    CliContext ctx =
        new CliContext(
            o,
            e,
            input != null
                ? input
                : new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            Map.copyOf(env),
            home,
            terminal,
            terminal,
            passwordReader,
            Clock.systemUTC());
    int code = SumoUsersCli.run(args, ctx);
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static List<String> args(String... parts) {
    return new ArrayList<>(List.of(parts));
  }
}
