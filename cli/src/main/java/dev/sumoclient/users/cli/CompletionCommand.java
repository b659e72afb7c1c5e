package dev.sumoclient.users.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code sumo-users completion}: prints the bash/zsh completion script picocli's AutoComplete
 * generated at build time, for {@code source <(sumo-users completion)}.
 */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Print the bash/zsh completion script.",
      "Use: source <(sumo-users completion)   (or save it in /etc/bash_completion.d/)"
    })
final class CompletionCommand implements Callable<Integer> {
  static final String RESOURCE = "sumo-users_completion";

  @ParentCommand SumoUsersCli root;

  @Override
  public Integer call() {
    try (InputStream script = CompletionCommand.class.getResourceAsStream(RESOURCE)) {
      if (script == null) {
        throw CliException.failed("this build carries no completion script");
      }
      script.transferTo(root.ctx.out());
      root.ctx.out().flush();
      return ExitCodes.OK;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the completion script", e);
    }
  }
}
