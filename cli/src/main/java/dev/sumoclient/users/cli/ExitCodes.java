package dev.sumoclient.users.cli;

/** The documented exit codes. */
final class ExitCodes {
  /** Everything asked was done. */
  static final int OK = 0;

  /** A call failed (refused, throttled past retries, timed out, not found...). */
  static final int FAILED = 1;

  /** The command line, a setting or an input file is wrong; nothing was sent. */
  static final int USAGE = 2;

  /** sync --apply did some steps and failed others; rerun with the same journal to finish. */
  static final int PARTIAL = 3;

  private ExitCodes() {}
}
