package dev.sumoclient.users.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Asks a person, on a terminal only. */
final class Prompts {
  private Prompts() {}

  /**
   * Asks a yes/no question; refuses (a usage error) when there is no terminal to ask on, so a
   * script must say --yes.
   */
  static boolean confirm(CliContext ctx, String question) {
    if (!ctx.stdinIsTerminal()) {
      throw CliException.usage(
          "not asking on a non-terminal: add --yes to go ahead without confirmation");
    }
    ctx.out().print(question + " [y/N] ");
    ctx.out().flush();
    try {
      String answer =
          new BufferedReader(new InputStreamReader(ctx.in(), StandardCharsets.UTF_8)).readLine();
      return answer != null && answer.strip().toLowerCase(Locale.ROOT).matches("y|yes");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the answer", e);
    }
  }
}
