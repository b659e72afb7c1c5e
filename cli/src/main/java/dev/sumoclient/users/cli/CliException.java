package dev.sumoclient.users.cli;

/** A failure the CLI explains itself in one line, with the exit code it ends the run with. */
final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  static CliException usage(String message) {
    return new CliException(ExitCodes.USAGE, message);
  }

  static CliException failed(String message) {
    return new CliException(ExitCodes.FAILED, message);
  }

  int exitCode() {
    return exitCode;
  }
}
