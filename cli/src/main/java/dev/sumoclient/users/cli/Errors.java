package dev.sumoclient.users.cli;

import dev.sumoclient.users.SumoClientException;
import dev.sumoclient.users.SumoConfigurationException;
import dev.sumoclient.users.SumoException;
import dev.sumoclient.users.SumoForbiddenException;
import dev.sumoclient.users.SumoIoException;
import dev.sumoclient.users.SumoNotFoundException;
import dev.sumoclient.users.SumoServiceException;
import dev.sumoclient.users.SumoThrottledException;
import dev.sumoclient.users.SumoTimeoutException;
import dev.sumoclient.users.SumoUnauthorizedException;
import dev.sumoclient.users.SumoValidationException;
import dev.sumoclient.users.SumoWrongDeploymentException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;

/** Turns any failure into one line people can act on, and an exit code. */
final class Errors {
  private Errors() {}

  static int report(Throwable e, PrintStream err, boolean debug) {
    int code = exitCode(e);
    err.println("sumo-users: " + oneLine(e) + (debug ? "" : hint(code)));
    if (debug) {
      e.printStackTrace(err);
    }
    return code;
  }

  private static String hint(int code) {
    return code == ExitCodes.FAILED ? " (--debug shows details)" : "";
  }

  static int exitCode(Throwable e) {
    if (e instanceof CliException c) {
      return c.exitCode();
    }
    if (e instanceof SumoValidationException || e instanceof SumoConfigurationException) {
      return ExitCodes.USAGE;
    }
    return ExitCodes.FAILED;
  }

  static String oneLine(Throwable e) {
    if (e instanceof CliException) {
      return e.getMessage();
    }
    if (e instanceof SumoValidationException v) {
      return "invalid input: "
          + v.violations().stream()
              .map(x -> x.field() + " " + x.rule())
              .collect(Collectors.joining("; "))
          + "; nothing was sent";
    }
    if (e instanceof SumoConfigurationException) {
      return "configuration: " + e.getMessage();
    }
    if (e instanceof SumoThrottledException t) {
      return "throttled by Sumo Logic (429) in "
          + t.operation()
          + " after the client's retries: the access key's quota (4 requests/s, 10 at once)"
          + " is used by someone else too; rerun later, or give every tool sharing the key one"
          + " quota group";
    }
    if (e instanceof SumoTimeoutException) {
      return "timed out: "
          + e.getMessage()
          + "; Sumo Logic did not answer in time: check --endpoint/--deployment and the network,"
          + " then rerun";
    }
    if (e instanceof SumoWrongDeploymentException) {
      return "wrong deployment: " + e.getMessage();
    }
    if (e instanceof SumoUnauthorizedException) {
      return "unauthorized (401): Sumo Logic refused the access id and key; check the profile or"
          + " SUMOLOGIC_ACCESSID/SUMOLOGIC_ACCESSKEY and --deployment";
    }
    if (e instanceof SumoForbiddenException s) {
      return "forbidden (403) in "
          + s.operation()
          + ": the access key's role lacks the Manage Users and Roles capability";
    }
    if (e instanceof SumoNotFoundException s) {
      return "not found (404) in " + s.operation() + ": " + detail(s);
    }
    if (e instanceof SumoServiceException s) {
      return s.operation() + " failed with " + s.status() + ": " + detail(s);
    }
    if (e instanceof SumoIoException || e instanceof SumoClientException) {
      return "network: " + e.getMessage();
    }
    if (e instanceof SumoException) {
      return e.getMessage();
    }
    if (e instanceof UncheckedIOException u) {
      return u.getMessage() + ": " + u.getCause().getMessage();
    }
    return "internal error: " + e;
  }

  private static String detail(SumoServiceException s) {
    return s.errors().isEmpty()
        ? "no detail given"
        : s.errors().stream().map(d -> d.message()).collect(Collectors.joining("; "));
  }
}
