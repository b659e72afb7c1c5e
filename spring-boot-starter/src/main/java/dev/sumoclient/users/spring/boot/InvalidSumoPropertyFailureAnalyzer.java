package dev.sumoclient.users.spring.boot;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an {@link InvalidSumoPropertyException} into Spring Boot's startup report: which property,
 * what its value must be, and where to change it.
 */
public final class InvalidSumoPropertyFailureAnalyzer
    extends AbstractFailureAnalyzer<InvalidSumoPropertyException> {

  /** Creates the analyzer; Spring Boot finds it through {@code META-INF/spring.factories}. */
  public InvalidSumoPropertyFailureAnalyzer() {}

  @Override
  protected @Nullable FailureAnalysis analyze(
      Throwable rootFailure, InvalidSumoPropertyException cause) {
    String variable = cause.property().toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    return new FailureAnalysis(
        "The Sumo Logic client could not be configured: the property '"
            + cause.property()
            + "' "
            + cause.rule()
            + ".",
        "Update '"
            + cause.property()
            + "' in the application's configuration (or the environment variable "
            + variable
            + ").",
        cause);
  }
}
