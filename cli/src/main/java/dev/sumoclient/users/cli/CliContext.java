package dev.sumoclient.users.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a run sees of the world: streams, environment, home directory, whether a person sits at a
 * terminal. Tests pass their own, so a command never touches global state.
 */
record CliContext(
    PrintStream out,
    PrintStream err,
    InputStream in,
    Map<String, String> env,
    Path home,
    boolean stdoutIsTerminal,
    boolean stdinIsTerminal,
    @Nullable PasswordReader passwordReader,
    Clock clock) {

  /** Reads a secret without echo. */
  interface PasswordReader {
    char @Nullable [] read(String prompt);
  }

  static CliContext system() {
    java.io.Console console = System.console();
    boolean terminal = console != null && isTerminal(console);
    return new CliContext(
        System.out,
        System.err,
        System.in,
        System.getenv(),
        Path.of(System.getProperty("user.home")),
        terminal,
        terminal,
        terminal ? prompt -> console.readPassword("%s", prompt) : null,
        Clock.systemUTC());
  }

  /** JDK 22+ returns a console even when redirected; it then tells through isTerminal(). */
  private static boolean isTerminal(java.io.Console console) {
    try {
      Method isTerminal = java.io.Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  @Nullable String env(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value;
  }
}
