package dev.sumoclient.users.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.boot.diagnostics.FailureAnalysis;

/** What Spring Boot's startup report says about a context that failed to start. */
final class StartupFailures {
  private StartupFailures() {}

  /** The starter's failure analysis of {@code failure}, which must be one it explains. */
  static FailureAnalysis analyze(Throwable failure) {
    FailureAnalysis analysis = new InvalidSumoPropertyFailureAnalyzer().analyze(failure);
    assertThat(analysis).as("analysis of %s", failure).isNotNull();
    return analysis;
  }
}
