package dev.sumoclient.users.cli;

import dev.sumoclient.users.emulator.internal.StandaloneMain;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Unmatched;

/**
 * {@code sumo-users emulator ...}: serves the emulator, handing every argument to the emulator's
 * own command line (the standalone emulator jar stays Jetty's core server + Jackson only, so its
 * parser stays there; this command adds no second one).
 */
@Command(
    name = "emulator",
    description = {
      "Serve a local Sumo Logic emulator until stopped (Ctrl-C).",
      "Every argument goes to the emulator's own command line: sumo-users emulator --help."
    })
final class EmulatorCommand implements Callable<Integer> {
  @ParentCommand SumoUsersCli root;

  @Unmatched List<String> args = new ArrayList<>();

  @Override
  public Integer call() throws InterruptedException {
    CliContext ctx = root.ctx;
    return StandaloneMain.run(
        args.toArray(String[]::new),
        ctx.out(),
        ctx.err(),
        ctx.env(),
        emulator ->
            Runtime.getRuntime()
                .addShutdownHook(new Thread(emulator::close, "sumo-emulator-stop")));
  }
}
